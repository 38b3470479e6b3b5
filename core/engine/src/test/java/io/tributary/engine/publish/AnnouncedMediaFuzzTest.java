package io.tributary.engine.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.engine.path.Whiteboard;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.sdp.SdpParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A publisher's SDP, whatever it is, either becomes tracks whose payload types are known or
 * is refused with an RTSP status; the formats' own refusals (IllegalArgumentException)
 * become 400.
 */
class AnnouncedMediaFuzzTest {
    /** Accepts H264 unless its fmtp says "bad", like a real format refusing unusable parameters. */
    private static final PayloadFormat PICKY = new PayloadFormat() {
        @Override
        public SdpAttributes describe(TrackDescription track, int payloadType) {
            return new SdpAttributes(track.encoding().rtpmap(), "");
        }

        @Override
        public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
            if (fmtp.contains("bad")) {
                throw new IllegalArgumentException("bad parameters");
            }
            return new TrackDescription(index, type, encoding, null, 0, 0, 0);
        }

        @Override
        public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Depacketizer depacketizer(TrackDescription track) {
            throw new UnsupportedOperationException();
        }
    };

    @FuzzTest(maxDuration = "1m")
    void announcedSdp(byte[] input) {
        Whiteboard<PayloadFormat> formats = new Whiteboard<>();
        formats.add("H264", PICKY, 0, 1);
        List<Integer> payloadTypes = new ArrayList<>();
        MediaDescription media;
        try {
            media = AnnouncedMedia.describe(SdpParser.parse(new String(input, StandardCharsets.UTF_8)), formats,
                    payloadTypes);
        } catch (RtspException refused) {
            assertFalse(refused.getMessage().isBlank(), "a refusal says why");
            return;
        }
        assertEquals(media.tracks().size(), payloadTypes.size());
        assertTrue(media.tracks().size() <= AnnouncedMedia.MAX_TRACKS);
        payloadTypes.forEach(pt -> assertTrue(pt >= 0 && pt <= 127, "payload type " + pt));
        media.tracks().forEach(t -> assertEquals("H264", t.encoding().name()));
    }
}
