package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Motion JPEG camera (RFC 2435; ffmpeg announces it on static payload type 26, without
 * {@code rtpmap}) publishing a live path over TCP and UDP: ffprobe names the codec and size,
 * ffmpeg decodes it over TCP and UDP without an error, and GStreamer's {@code rtpjpegdepay}
 * and {@code jpegdec} decode full-size pictures.
 */
class MjpegLiveTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    @ParameterizedTest(name = "published over {0}")
    @ValueSource(strings = {"tcp", "udp"})
    void ffmpegDecodesALiveCameraOverTcpAndUdp(String publishTransport) throws Exception {
        String path = "/live/cam-" + publishTransport;
        try (Publisher camera = Publisher.mjpegTestPattern(url(path), publishTransport)
                .awaitPublished(tributary.rtspPort())) {
            assertEquals(List.of("mjpeg,640,480"), FfmpegReader.streams(url(path), "codec_name,width,height"));
            for (String readTransport : List.of("tcp", "udp")) {
                String frames = FfmpegReader.frames(url(path), readTransport, 3);
                assertTrue(ExternalTool.lines(frames, "0,").size() >= 30,
                        () -> "frames in 3 s over " + readTransport + ":\n" + frames);
            }
            assertTrue(camera.alive(), "camera still publishing: " + camera.output());
        }
    }

    @ParameterizedTest(name = "read over {0}")
    @ValueSource(strings = {"tcp", "udp"})
    void gstreamerDecodesALiveCamera(String transport) throws Exception {
        String path = "/live/cam-gst-" + transport;
        try (Publisher camera = Publisher.mjpegTestPattern(url(path), "tcp").awaitPublished(tributary.rtspPort())) {
            GstPlayer.Outcome played = GstPlayer.play(url(path), transport, 30, 0, Duration.ofSeconds(20));
            assertTrue(played.decodedEnough(), "GStreamer did not decode 30 pictures:\n" + played.output());
            assertEquals("640x480", played.videoSize(), "full-size pictures:\n" + played.output());
            assertTrue(camera.alive(), "camera still publishing: " + camera.output());
        }
    }
}
