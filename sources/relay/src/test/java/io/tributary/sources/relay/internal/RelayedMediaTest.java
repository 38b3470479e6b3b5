package io.tributary.sources.relay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.MediaType;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.client.Description;
import io.tributary.client.Track;
import io.tributary.rtsp.sdp.SdpParser;
import io.tributary.rtsp.sdp.SessionDescription;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RelayedMediaTest {
    private static final PayloadFormat TEST = new TestFormat();

    /** TEST and PCMU are installed. */
    private static final Function<String, Optional<PayloadFormat>> FORMATS =
            name -> Optional.ofNullable(Map.of("TEST", TEST, "PCMU", TEST).get(name));

    private static Description describe(String media) {
        SessionDescription sdp = SdpParser.parse("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=" + "cam" + "\r\nt=0 0\r\n" + media);
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < sdp.media().size(); i++) {
            tracks.add(new Track(i, sdp.media().get(i), "rtsp://cam/s/track" + i));
        }
        return new Description(sdp, "rtsp://cam/s/", "rtsp://cam/s/", tracks);
    }

    @Test
    void usableTracksAreRenumberedAndTheOthersLeftOutWithTheReason() throws IOException {
        RelayedMedia media = RelayedMedia.of("/cam", describe(
                "m=application 0 RTP/AVP 107\r\na=rtpmap:107 vnd.onvif.metadata/90000\r\n"
                        + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 TEST/90000\r\na=fmtp:96 config=1\r\n"
                        + "m=audio 0 RTP/AVP 0\r\n"
                        + "m=video 0 RTP/SAVP 96\r\na=rtpmap:96 TEST/90000\r\n"
                        + "m=video 0 udp MP2T/H2221/UDP\r\n"), FORMATS);
        assertEquals(2, media.tracks().size());
        assertEquals(1, media.tracks().get(0).upstream().index());
        assertEquals(0, media.tracks().get(0).description().index());
        assertEquals(MediaType.VIDEO, media.tracks().get(0).description().type());
        assertEquals(2, media.tracks().get(1).upstream().index(), "PCMU without rtpmap: a static payload type");
        assertEquals("PCMU", media.tracks().get(1).description().encoding().name());
        assertEquals(8000, media.tracks().get(1).description().encoding().clockRate());
        assertEquals(0, media.tracks().get(1).payloadType());
        assertEquals(3, media.skipped().size(), media.skipped().toString());
        assertTrue(media.skipped().get(0).contains("VND.ONVIF.METADATA"), media.skipped().get(0));
        assertEquals("cam", media.description().title());
        assertEquals("TEST, PCMU", media.encodings());
    }

    @Test
    void anUnusableFmtpLeavesTheTrackOut() {
        IOException e = assertThrows(IOException.class, () -> RelayedMedia.of("/cam", describe(
                "m=video 0 RTP/AVP 96\r\na=rtpmap:96 TEST/90000\r\na=fmtp:96 unusable\r\n"), FORMATS));
        assertTrue(e.getMessage().contains("unusable fmtp"), e.getMessage());
    }

    @Test
    void anSdpWithoutMediaIsRefused() {
        IOException e = assertThrows(IOException.class, () -> RelayedMedia.of("/cam", describe(""), FORMATS));
        assertTrue(e.getMessage().contains("no media"), e.getMessage());
    }

    @Test
    void tracksAreTheSameWhenTheirCodecConfigurationsAre() throws IOException {
        String video = "m=video 0 RTP/AVP 96\r\na=rtpmap:96 TEST/90000\r\na=fmtp:96 config=1\r\n";
        RelayedMedia one = RelayedMedia.of("/cam", describe(video), FORMATS);
        RelayedMedia same = RelayedMedia.of("/cam", describe(video.replace("96", "97")), FORMATS);
        RelayedMedia other = RelayedMedia.of("/cam", describe(video.replace("config=1", "config=2")), FORMATS);
        assertTrue(one.sameTracks(same), "another payload type is the same track");
        assertFalse(one.sameTracks(other));
        assertFalse(one.sameTracks(null));
        assertTrue(one.uses(TEST));
    }
}
