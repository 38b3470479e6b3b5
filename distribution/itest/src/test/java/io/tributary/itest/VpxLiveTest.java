package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * VP8 and VP9 live paths (io.tributary.codecs.vpx): ffmpeg publishes a live libvpx encode
 * (ANNOUNCE/RECORD over TCP; VP9 with {@code -strict experimental}, as ffmpeg 5.1 requires),
 * so that Tributary depacketizes it and packetizes it again for each reader; ffprobe names
 * the codec and size, ffmpeg decodes over TCP and UDP without an error, and GStreamer's
 * {@code rtpvp8depay}/{@code rtpvp9depay} decode it; a new reader starts on a keyframe.
 */
class VpxLiveTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static final int READ_SECONDS = 2;

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"vp8,libvpx", "vp9,libvpx-vp9"})
    void aLiveVpxPathIsReadByFfmpegOverTcpAndUdpAndByGstreamer(String codec, String encoder) throws Exception {
        String path = url("/live/" + codec);
        try (LiveEncode publisher = LiveEncode.start(path, encoder).awaitPublished(tributary.rtspPort())) {
            assertEquals(List.of(codec + ",320,240"), FfmpegReader.streams(path, "codec_name,width,height"));
            for (String transport : List.of("tcp", "udp")) {
                String frames = FfmpegReader.frames(path, transport, READ_SECONDS);
                assertTrue(ExternalTool.lines(frames, "0,").size() >= 30,
                        "at least 30 of " + 25 * READ_SECONDS + " frames decoded over " + transport);
            }
            assertGstreamerDecodes(path, codec, 30);
            assertANewReaderStartsOnAKeyframe(path, codec);
            assertTrue(publisher.alive(), "publisher still running: " + publisher.output());
        }
    }

    /**
     * The units' keyframe flags reach the engine: a reader joining the live path gets, as its
     * first packet, the first packet of a keyframe (VP8: S, and frame tag P = 0; VP9: B and the
     * scalability structure, without P).
     */
    private static void assertANewReaderStartsOnAKeyframe(String url, String codec) throws IOException {
        try (RawRtsp reader = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = reader.request("SETUP", url + "/trackID=0", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status(), setup.body());
            RawRtsp.Response play = reader.request("PLAY", url, 2,
                    "Session: " + setup.header("Session").split(";")[0]);
            assertEquals(200, play.status(), play.body());
            List<RawRtsp.Frame> rtp = reader.frames(1000).stream().filter(f -> f.channel() == 0).toList();
            assertFalse(rtp.isEmpty(), "packets in the first second");
            byte[] first = rtp.getFirst().data();
            int descriptor = first[12] & 0xFF;
            if (codec.equals("vp8")) {
                assertEquals(0x10, descriptor, "S without X: the first packet of a frame");
                assertEquals(0, first[13] & 1, "frame tag P = 0 after the 1-octet descriptor: a keyframe");
            } else {
                assertEquals(0x0A, descriptor & 0xCA, "B and V without I or P: the first packet of a keyframe");
            }
        }
    }

    /**
     * {@code rtspsrc} over TCP, GStreamer's depayloader and decoder, and an {@code identity}
     * that ends the pipeline after {@code frames} decoded pictures: fewer run into the time
     * limit, a decoding or depayloading error fails the run.
     */
    private static void assertGstreamerDecodes(String url, String codec, int frames) throws Exception {
        ExternalTool.require("gst-launch-1.0");
        ExternalTool.Result played = ExternalTool.run(Duration.ofSeconds(20), "gst-launch-1.0", "-q", "rtspsrc",
                "location=" + url, "protocols=tcp", "!", "rtp" + codec + "depay", "!", codec + "dec", "!",
                "identity", "eos-after=" + frames, "!", "fakesink");
        assertEquals(0, played.exitCode(), played.stdout() + played.stderr());
        String output = played.stdout() + played.stderr();
        assertTrue(!output.contains("ERROR") && !output.contains("WARNING"), output);
    }

    /** ffmpeg encoding a 320x240 test pattern live at 25 fps, a keyframe every second, published over TCP. */
    private static final class LiveEncode implements AutoCloseable {
        private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
        private final Process process;
        private final Path log;
        private final String url;

        private LiveEncode(List<String> command, String url) throws IOException {
            this.url = url;
            this.log = Files.createTempFile("vpx-publisher", ".log");
            this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        }

        static LiveEncode start(String url, String encoder) throws IOException {
            ExternalTool.require("ffmpeg");
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-re", "-f",
                    "lavfi", "-i", "testsrc=size=320x240:rate=25", "-pix_fmt", "yuv420p", "-c:v", encoder,
                    "-deadline", "realtime", "-cpu-used", "8", "-g", "25"));
            if (encoder.equals("libvpx-vp9")) {
                command.addAll(List.of("-strict", "experimental")); // ffmpeg 5.1's VP9 RTP packetizer
            }
            command.addAll(List.of("-f", "rtsp", "-rtsp_transport", "tcp", url));
            return new LiveEncode(command, url);
        }

        /** Waits until a reader of the path receives video, i.e. the publisher is recording. */
        LiveEncode awaitPublished(int rtspPort) throws Exception {
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
