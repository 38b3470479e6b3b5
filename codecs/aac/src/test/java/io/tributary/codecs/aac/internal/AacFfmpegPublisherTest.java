package io.tributary.codecs.aac.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.testing.FfmpegPublisherTestBase;
import io.tributary.api.testing.FfmpegRtpPublisher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real publisher: ffmpeg encodes a tone with its AAC encoder and sends it as AAC-hbr RTP
 * while writing the same frames to an ADTS file. The SDP goes through {@code receivedTrack},
 * the packets through the depacketizer, and the access units must be the encoder's frames, byte
 * for byte, one frame apart, then come through a relay (packetizer, depacketizer) intact.
 */
class AacFfmpegPublisherTest extends FfmpegPublisherTestBase<AacPayloadFormat> {
    private static final int SAMPLE_RATE = 48_000;
    private static final int CHANNELS = 2;
    private static final int SECONDS = 2;
    /** A relay's payload size, smaller than ffmpeg's so that units are cut differently. */
    private static final int RELAY_PAYLOAD_SIZE = 300;

    AacFfmpegPublisherTest() {
        super(new AacPayloadFormat(), RELAY_PAYLOAD_SIZE);
    }

    /** ffmpeg's default: as many frames per packet as fit, each behind its own AU-header. */
    @Test
    void severalFramesPerPacketComeOutAsTheEncodersFramesOneFrameApart() throws IOException, InterruptedException {
        Published published = publish();

        assertTrue(published.capture.packets().stream().anyMatch(packet -> auHeaders(packet) > 1),
                "the test needs packets with several AUs");
        assertTheEncodersFrames(published);
    }

    /** Payloads smaller than a frame: every frame is fragmented (RFC 3640 §3.2.3). */
    @Test
    void fragmentedFramesAreJoinedIntoTheEncodersFrames() throws IOException, InterruptedException {
        Published published = publish("-pkt_size", "200");

        assertTrue(published.capture.packets().stream().anyMatch(packet -> !packet.marker()),
                "the test needs fragmented frames");
        assertTheEncodersFrames(published);
    }

    private void assertTheEncodersFrames(Published published) {
        FfmpegRtpPublisher.Capture capture = published.capture;
        TrackDescription track = format.receivedTrack(1, MediaType.AUDIO, capture.encoding(), capture.fmtp());
        AudioSpecificConfig config = AudioSpecificConfig.parse(track.codecConfigView());
        assertEquals(capture.encoding().clockRate(), config.sampleRate(), "clock rate is the sampling rate");
        assertEquals(capture.encoding().channels(), config.channels());

        List<AccessUnit> units = depacketize(track, capture.packets());

        // ffmpeg never sends the packet it is filling when the input ends: up to one packet's
        // worth of frames is missing at the end, never one in between
        int mostPerPacket = capture.packets().stream().mapToInt(AacFfmpegPublisherTest::auHeaders).max().orElseThrow();
        int missing = published.frames.size() - units.size();
        assertTrue(missing >= 0 && missing < mostPerPacket, units.size() + " units of " + published.frames.size()
                + " frames, at most " + mostPerPacket + " per packet");
        long first = capture.packets().getFirst().timestamp();
        long frameDuration = (long) config.frameLength() * capture.encoding().clockRate() / config.sampleRate();
        for (int i = 0; i < units.size(); i++) {
            AccessUnit unit = units.get(i);
            assertArrayEquals(published.frames.get(i), AacDepacketizerTest.bytes(unit), "unit " + i);
            assertEquals(i * frameDuration, (unit.presentationTime() - first) & RTP_TIMESTAMP_MASK,
                    "time of unit " + i);
            assertEquals(unit.presentationTime(), unit.decodeTime());
            assertEquals(1, unit.track());
        }
        assertSameUnits(units, relay(track, units));
    }

    private Published publish(String... rtpOptions) throws IOException, InterruptedException {
        Path adts = work.resolve("frames.aac");
        List<String> encoder = List.of("-ac", String.valueOf(CHANNELS), "-c:a", "aac");
        List<String> encoding = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=" + SAMPLE_RATE + ":duration=" + SECONDS));
        encoding.addAll(encoder);
        encoding.addAll(List.of(rtpOptions));
        // a second encoder with the same input and settings writes the same frames (it is deterministic)
        List<String> adtsOutput = new ArrayList<>(encoder);
        adtsOutput.addAll(List.of("-f", "adts", adts.toString()));
        FfmpegRtpPublisher.Capture capture = FfmpegRtpPublisher.publish(work, encoding, adtsOutput);
        return new Published(capture, AdtsFrames.split(ByteBuffer.wrap(Files.readAllBytes(adts))));
    }

    private static void assertSameUnits(List<AccessUnit> expected, List<AccessUnit> actual) {
        assertEquals(expected.size(), actual.size(), "relayed units");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).presentationTime(), actual.get(i).presentationTime(),
                    "time of relayed unit " + i);
            assertArrayEquals(AacDepacketizerTest.bytes(expected.get(i)), AacDepacketizerTest.bytes(actual.get(i)),
                    "relayed unit " + i);
        }
    }

    /** AU-headers in a packet: its first 16 bits are their length in bits, 16 bits each in AAC-hbr. */
    private static int auHeaders(RtpPacket packet) {
        return (packet.payload().getShort(0) & 0xFFFF) / AacHbr.HEADER_BITS;
    }

    private record Published(FfmpegRtpPublisher.Capture capture, List<byte[]> frames) {
    }
}
