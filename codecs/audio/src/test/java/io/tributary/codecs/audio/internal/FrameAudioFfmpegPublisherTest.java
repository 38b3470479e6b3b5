package io.tributary.codecs.audio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.testing.FfmpegRtpPublisher;
import io.tributary.api.testing.PayloadRoundTrip;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real publisher: ffmpeg encodes a tone and sends it as RTP the way it publishes to a
 * server (PCMU and PCMA on their static payload types, without {@code rtpmap}; G.722; Opus).
 * Its SDP goes through {@code receivedTrack}, every packet comes out as one unit at the packet's
 * time, and the units come through a relay to a reader byte for byte.
 */
class FrameAudioFfmpegPublisherTest {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} from ffmpeg''s {1}")
    @CsvSource({"PCMU,pcm_mulaw,8000", "PCMA,pcm_alaw,8000", "G722,g722,16000", "OPUS,libopus,48000"})
    void ffmpegsPacketsComeThroughAsOneUnitEach(String encoding, String encoder, int sampleRate) throws Exception {
        FfmpegRtpPublisher.assumeInstalled();
        FfmpegRtpPublisher.Capture capture = FfmpegRtpPublisher.publish(work, List.of("-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=" + sampleRate + ":duration=1", "-ac", "1", "-c:a", encoder),
                List.of());
        FrameAudioFormat format = AudioFormats.ALL.stream().filter(f -> f.name().equals(encoding)).findFirst()
                .orElseThrow();
        assertEquals(encoding, capture.encoding().name());

        TrackDescription track = format.receivedTrack(0, MediaType.AUDIO, capture.encoding(), capture.fmtp());
        List<AccessUnit> units = PayloadRoundTrip.depacketize(format.depacketizer(track), capture.packets());

        assertTrue(capture.packets().size() >= 5, capture.packets().size() + " packets for 1 s");
        assertEquals(capture.packets().size(), units.size());
        for (int i = 0; i < units.size(); i++) {
            RtpPacket packet = capture.packets().get(i);
            assertEquals(packet.payload(), units.get(i).dataView(), "unit " + i);
            assertEquals(packet.timestamp(), units.get(i).presentationTime(), "time of unit " + i);
        }
        List<AccessUnit> relayed = PayloadRoundTrip.relay(format, track, 1400, units);
        assertEquals(units, relayed, "what a reader of the relayed track gets");
    }
}
