package io.tributary.engine.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.sdp.SdpMedia;
import io.tributary.rtsp.sdp.SdpParser;
import io.tributary.rtsp.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdpBuilderTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 8554);

    private record FixedFormat(String fmtp) implements PayloadFormat {
        @Override
        public SdpAttributes describe(TrackDescription track, int payloadType) {
            return new SdpAttributes(track.encoding().rtpmap(), fmtp);
        }

        @Override
        public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Depacketizer depacketizer(TrackDescription track) {
            throw new UnsupportedOperationException();
        }
    }

    private static final TrackDescription VIDEO = new TrackDescription(0, MediaType.VIDEO,
            new Encoding("H264", 90000, 0), null, 640, 360, 600_000);
    private static final TrackDescription AUDIO = new TrackDescription(1, MediaType.AUDIO,
            new Encoding("MPEG4-GENERIC", 48000, 2), null, 0, 0, 0);

    private static Whiteboard<PayloadFormat> formats(String... encodings) {
        Whiteboard<PayloadFormat> formats = new Whiteboard<>();
        for (String encoding : encodings) {
            formats.add(encoding, new FixedFormat("x=" + encoding), 0, 1);
        }
        return formats;
    }

    @Test
    void everyTrackGetsItsPayloadTypeRtpmapFmtpAndControl() {
        MediaDescription media = new MediaDescription("clip.mp4\r\nb=injected", List.of(VIDEO, AUDIO),
                Duration.ofMillis(12_345), false);
        SessionDescription sdp = SdpParser.parse(new SdpBuilder(formats("H264", "MPEG4-GENERIC"))
                .describe(media, SERVER));
        assertEquals("npt=0-12.345", sdp.attribute("range").value());
        assertEquals("*", sdp.control());
        assertTrue(!sdp.sessionName().contains("\n") && sdp.bandwidths().isEmpty(), "title cannot inject lines");
        assertEquals(2, sdp.media().size());
        SdpMedia video = sdp.media().get(0);
        assertEquals("video", video.type());
        assertEquals(List.of("96"), video.formats());
        assertEquals("H264", video.rtpmap(96).encoding());
        assertEquals("x=H264", video.fmtp(96));
        assertEquals("trackID=0", video.control());
        assertEquals(600, video.bandwidths().get(0).value());
        SdpMedia audio = sdp.media().get(1);
        assertEquals(List.of("97"), audio.formats());
        assertEquals(2, audio.rtpmap(97).channels());
        assertEquals("trackID=1", audio.control());
    }

    @Test
    void loopingMediaIsOpenEnded() {
        MediaDescription media = new MediaDescription("demo", List.of(VIDEO), Duration.ofSeconds(10), true);
        SessionDescription sdp = SdpParser.parse(new SdpBuilder(formats("H264")).describe(media, SERVER));
        assertEquals("npt=0-", sdp.attribute("range").value());
    }

    @Test
    void aLiveStreamHasNoEnd() {
        MediaDescription media = new MediaDescription("live", List.of(VIDEO), null, false);
        SessionDescription sdp = SdpParser.parse(new SdpBuilder(formats("H264")).describe(media, SERVER));
        assertEquals("npt=now-", sdp.attribute("range").value());
    }

    @Test
    void aTrackWithoutPayloadFormatMakesThePathUnavailableNamingTheEncoding() {
        MediaDescription media = new MediaDescription("demo", List.of(VIDEO, AUDIO), Duration.ofSeconds(10), false);
        RtspException e = assertThrows(RtspException.class,
                () -> new SdpBuilder(formats("MPEG4-GENERIC")).describe(media, SERVER));
        assertEquals(RtspStatus.SERVICE_UNAVAILABLE, e.status());
        assertTrue(e.getMessage().contains("H264"), e.getMessage());
    }

    @Test
    void aSecureProfileDescribesEveryTrackWithItsKeys() {
        MediaDescription media = new MediaDescription("live", List.of(VIDEO, AUDIO), null, false);
        SessionDescription sdp = SdpParser.parse(new SdpBuilder(formats("H264", "MPEG4-GENERIC"))
                .describe(media, SERVER, "RTP/SAVP", track -> List.of("key-mgmt:mikey AAAA" + track, "x-flag")));
        for (SdpMedia section : sdp.media()) {
            assertEquals("RTP/SAVP", section.protocol());
            int track = sdp.media().indexOf(section);
            assertEquals("mikey AAAA" + track, section.attribute("key-mgmt").value());
            assertTrue(section.attributes().stream().anyMatch(a -> a.name().equals("x-flag") && a.value() == null));
        }
    }

    @Test
    void aKeyingAttributeCannotBreakTheDescription() {
        MediaDescription media = new MediaDescription("live", List.of(VIDEO), null, false);
        RtspException e = assertThrows(RtspException.class, () -> new SdpBuilder(formats("H264"))
                .describe(media, SERVER, "RTP/SAVP", track -> List.of("crypto:1 x\r\nm=video 0 RTP/AVP 0")));
        assertEquals(RtspStatus.INTERNAL_SERVER_ERROR, e.status());
    }
}
