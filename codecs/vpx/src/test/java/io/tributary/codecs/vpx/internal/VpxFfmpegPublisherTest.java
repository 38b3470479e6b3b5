package io.tributary.codecs.vpx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.testing.FfmpegPublisherTestBase;
import io.tributary.api.testing.FfmpegRtpPublisher;
import io.tributary.api.testing.PayloadRoundTrip;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ffmpeg as the oracle: libvpx encodes a test pattern to IVF, ffmpeg sends that file as RTP
 * ({@code -c copy}, so that what it sends is exactly the file's frames), and what comes out of
 * the depacketizer is the file's frames byte for byte, with the keyframes where ffprobe sees
 * them; then GStreamer decodes every frame of the file as this format packetizes it.
 *
 * @param <F> VP8 or VP9
 */
abstract class VpxFfmpegPublisherTest<F extends PayloadFormat> extends FfmpegPublisherTestBase<F> {
    static final int FRAMES = 50;
    static final int GOP = 25;
    static final int WIDTH = 320;
    static final int HEIGHT = 240;

    private final String encoding;
    private final List<String> encoder;
    private final List<String> rtpOptions;

    /**
     * @param encoder    ffmpeg's encoder options
     * @param rtpOptions what ffmpeg's RTP muxer needs for the encoding
     */
    VpxFfmpegPublisherTest(F format, String encoding, List<String> encoder, List<String> rtpOptions) {
        super(format, 700);
        this.encoding = encoding;
        this.encoder = encoder;
        this.rtpOptions = rtpOptions;
    }

    /** libvpx's frames of the test pattern (4:2:0, profile 0), a keyframe every {@value #GOP}, in an IVF file. */
    private Path encode() throws Exception {
        Path ivf = work.resolve("source.ivf");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-f",
                "lavfi", "-i", "testsrc=size=" + WIDTH + "x" + HEIGHT + ":rate=25", "-frames:v",
                Integer.toString(FRAMES), "-pix_fmt", "yuv420p", "-g", Integer.toString(GOP), "-keyint_min",
                Integer.toString(GOP)));
        command.addAll(encoder);
        command.addAll(List.of("-f", "ivf", ivf.toString()));
        Tools.run(work.resolve("encode.log"), command);
        return ivf;
    }

    @Test
    void ffmpegsFramesComeOutByteForByteWithTheirKeyframes() throws Exception {
        Path ivf = encode();
        List<ByteBuffer> frames = Ivf.frames(ivf);
        List<Boolean> keyframes = Tools.keyframes(work, ivf);
        assertEquals(FRAMES, frames.size());
        assertEquals(FRAMES / GOP, keyframes.stream().filter(k -> k).count(), "ffprobe: a keyframe per GOP");
        List<String> sending = new ArrayList<>(List.of("-i", ivf.toString(), "-c", "copy"));
        sending.addAll(rtpOptions);
        FfmpegRtpPublisher.Capture capture = FfmpegRtpPublisher.publish(work, sending, List.of());
        assertEquals(encoding, capture.encoding().name());
        TrackDescription track = format.receivedTrack(0, MediaType.VIDEO, capture.encoding(), capture.fmtp());
        assertTrue(capture.packets().size() > FRAMES, "keyframes span several packets");

        List<AccessUnit> units = depacketize(track, capture.packets());

        assertEquals(FRAMES, units.size(), "one unit per frame");
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(frames.get(i), units.get(i).dataView(), "frame " + i);
            assertEquals(keyframes.get(i), units.get(i).keyframe(), "keyframe flag of frame " + i);
        }
        for (int i = 1; i < FRAMES; i++) {
            assertEquals(3600, (units.get(i).presentationTime() - units.get(i - 1).presentationTime())
                    & RTP_TIMESTAMP_MASK, "40 ms apart");
        }
        List<AccessUnit> relayed = relay(track, units);
        assertEquals(FRAMES, relayed.size());
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(units.get(i).dataView(), relayed.get(i).dataView(), "relayed frame " + i);
            assertEquals(units.get(i).keyframe(), relayed.get(i).keyframe(), "relayed keyframe flag " + i);
        }
    }

    @Test
    void gstreamerDecodesEveryFrameAsWePacketizeIt() throws Exception {
        Path ivf = encode();
        List<ByteBuffer> frames = Ivf.frames(ivf);
        List<Boolean> keyframes = Tools.keyframes(work, ivf);
        List<AccessUnit> units = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            units.add(new AccessUnit(0, 3600L * i, 3600L * i, keyframes.get(i), frames.get(i)));
        }
        TrackDescription track = new TrackDescription(0, MediaType.VIDEO, new Encoding(encoding, 90_000, 0), null,
                WIDTH, HEIGHT, 0);
        int maxPayloadSize = 500;
        List<RtpPacket> packets = PayloadRoundTrip.packetize(format.packetizer(track, maxPayloadSize), maxPayloadSize,
                units, 65_000);

        assertEquals(FRAMES, GstRtpStreamDecoder.decodedPictures(work, encoding, packets, WIDTH, HEIGHT));
    }
}
