package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    /** One decoded 640x480 4:2:0 picture, as jpegdec hands it on. */
    private static final String DECODED_PICTURE = "(460800 bytes";

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    @ParameterizedTest(name = "published over {0}")
    @ValueSource(strings = {"tcp", "udp"})
    void ffmpegDecodesALiveCameraOverTcpAndUdp(String publishTransport) throws Exception {
        String path = "/live/cam-" + publishTransport;
        try (Camera camera = Camera.publish(url(path), publishTransport).awaitPublished(tributary.rtspPort())) {
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
        ExternalTool.require("gst-launch-1.0");
        String path = "/live/cam-gst-" + transport;
        try (Camera camera = Camera.publish(url(path), "tcp").awaitPublished(tributary.rtspPort())) {
            Path log = Files.createTempFile("gst", ".log");
            Process gst = new ProcessBuilder("gst-launch-1.0", "-v", "rtspsrc", "location=" + url(path),
                    "protocols=" + transport, "!", "rtpjpegdepay", "!", "jpegdec", "!", "fakesink", "silent=false")
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                boolean decoded = Await.until(Duration.ofSeconds(20), () -> !gst.isAlive() || pictures(log) >= 30);
                String output = ExternalTool.tail(Files.readString(log, StandardCharsets.UTF_8));
                assertTrue(decoded && pictures(log) >= 30, "GStreamer did not decode 30 pictures:\n" + output);
                assertTrue(gst.isAlive(), "GStreamer stopped:\n" + output);
            } finally {
                gst.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                Files.deleteIfExists(log);
            }
        }
    }

    /** The 640x480 pictures the fake sink has received so far. */
    private static long pictures(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("last-message = chain") && line.contains(DECODED_PICTURE)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** ffmpeg encoding its test pattern as Motion JPEG (standard Huffman tables) and publishing it live. */
    private static final class Camera implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final String url;

        private Camera(Process process, Path log, String url) {
            this.process = process;
            this.log = log;
            this.url = url;
        }

        static Camera publish(String url, String transport) throws IOException {
            ExternalTool.require("ffmpeg");
            Path log = Files.createTempFile("camera", ".log");
            Process process = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i",
                    "testsrc=size=640x480:rate=15", "-c:v", "mjpeg", "-huffman", "default", "-pix_fmt", "yuvj420p",
                    "-q:v", "5", "-f", "rtsp", "-rtsp_transport", transport, url)
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            return new Camera(process, log, url);
        }

        /** Waits until a reader of the path receives video, i.e. the camera is recording. */
        Camera awaitPublished(int rtspPort) throws Exception {
            boolean ready = Await.until(READY_TIMEOUT, () -> !process.isAlive() || receivesVideo(rtspPort));
            if (!process.isAlive() || !ready) {
                fail("ffmpeg did not publish " + url + ":\n" + output());
            }
            return this;
        }

        private boolean receivesVideo(int rtspPort) {
            try (RawRtsp rtsp = new RawRtsp(rtspPort)) {
                RawRtsp.Response setup = rtsp.request("SETUP", url + "/trackID=0", 1,
                        "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
                if (setup.status() != 200) {
                    return false;
                }
                rtsp.request("PLAY", url, 2, "Session: " + setup.header("Session").split(";")[0]);
                return !rtsp.frames(1000).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }

        boolean alive() {
            return process.isAlive();
        }

        String output() throws IOException {
            return ExternalTool.tail(Files.readString(log, StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws Exception {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        }
    }
}
