package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An ffmpeg publishing to Tributary with ANNOUNCE/RECORD for as long as the test needs:
 * a file looped in real time ({@code -c copy}) or a live encode.
 */
final class Publisher implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private final Process process;
    private final Path log;
    private final String url;

    private Publisher(List<String> command, String url) throws IOException {
        this.url = url;
        this.log = Files.createTempFile("publisher", ".log");
        this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }

    /** Publishes {@code file} in a loop, in real time, without re-encoding. */
    static Publisher loop(Path file, String url, String transport) throws IOException {
        ExternalTool.require("ffmpeg");
        return new Publisher(List.of("ffmpeg", "-nostdin", "-v", "error", "-re", "-stream_loop", "-1",
                "-i", file.toString(), "-c", "copy", "-f", "rtsp", "-rtsp_transport", transport, url), url);
    }

    /**
     * Publishes {@code file} in a loop, in real time, its video as it is and its audio
     * re-encoded mono with ffmpeg's {@code audioEncoder} at {@code sampleRate} (e.g.
     * {@code pcm_mulaw} at 8000, {@code libopus} at 48000).
     */
    static Publisher loopWithAudio(Path file, String url, String audioEncoder, int sampleRate) throws IOException {
        ExternalTool.require("ffmpeg");
        return new Publisher(List.of("ffmpeg", "-nostdin", "-v", "error", "-re", "-stream_loop", "-1",
                "-i", file.toString(), "-c:v", "copy", "-c:a", audioEncoder, "-ar", Integer.toString(sampleRate),
                "-ac", "1", "-f", "rtsp", "-rtsp_transport", "tcp", url), url);
    }

    /** Publishes a live H.264 test pattern (no audio) with a keyframe every {@code gop} frames at 25 fps. */
    static Publisher testPattern(String url, int gop) throws IOException {
        ExternalTool.require("ffmpeg");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-re",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-c:v", "libx264", "-preset", "ultrafast",
                "-tune", "zerolatency", "-g", Integer.toString(gop), "-bf", "0", "-f", "rtsp",
                "-rtsp_transport", "tcp", url));
        return new Publisher(command, url);
    }

    /** Publishes a live H.265 test pattern (no audio, 1 s GOP at 25 fps) encoded by x265. */
    static Publisher h265TestPattern(String url) throws IOException {
        ExternalTool.require("ffmpeg");
        return new Publisher(List.of("ffmpeg", "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=25", "-pix_fmt", "yuv420p", "-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "log-level=none:keyint=25:bframes=0", "-f", "rtsp", "-rtsp_transport", "tcp", url),
                url);
    }

    /** GStreamer's {@code rtspclientsink} publishing a live H.264 test pattern at 25 fps, 1 s GOP. */
    static Publisher gstreamer(String url, String transport) throws IOException {
        ExternalTool.require("gst-launch-1.0");
        return new Publisher(List.of("gst-launch-1.0", "-q", "videotestsrc", "is-live=true", "!",
                "video/x-raw,width=320,height=240,framerate=25/1", "!", "x264enc", "tune=zerolatency",
                "key-int-max=25", "!", "h264parse", "!", "rtspclientsink", "location=" + url,
                "protocols=" + transport), url);
    }

    /**
     * GStreamer's {@code rtspclientsink} publishing the same pattern as SRTP ({@code profiles=savp})
     * over RTSPS, trusting the server's development certificate.
     */
    static Publisher gstreamerSrtp(String rtspsUrl, String transport) throws IOException {
        ExternalTool.require("gst-launch-1.0");
        return new Publisher(List.of("gst-launch-1.0", "-q", "videotestsrc", "is-live=true", "!",
                "video/x-raw,width=320,height=240,framerate=25/1", "!", "x264enc", "tune=zerolatency",
                "key-int-max=25", "!", "h264parse", "!", "rtspclientsink", "location=" + rtspsUrl,
                "protocols=" + transport, "profiles=savp", "tls-validation-flags=0"), rtspsUrl);
    }

    /** Waits until a reader of the path receives video, i.e. the publisher is recording. */
    Publisher awaitPublished(int rtspPort) throws Exception {
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

    /** Kills the publisher the way a crash or network loss would: no TEARDOWN. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        kill();
        Files.deleteIfExists(log);
    }
}
