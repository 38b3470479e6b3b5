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
public final class Publisher implements AutoCloseable {
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
    public static Publisher loop(Path file, String url, String transport) throws IOException {
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
        return liveEncode(url, "tcp", "320x240", 25, "-c:v", "libx264", "-preset", "ultrafast", "-tune",
                "zerolatency", "-g", Integer.toString(gop), "-bf", "0");
    }

    /** Publishes a live H.265 test pattern (no audio, 1 s GOP at 25 fps) encoded by x265. */
    static Publisher h265TestPattern(String url) throws IOException {
        return liveEncode(url, "tcp", "320x240", 25, "-pix_fmt", "yuv420p", "-c:v", "libx265", "-preset",
                "ultrafast", "-x265-params", "log-level=none:keyint=25:bframes=0");
    }

    /**
     * Publishes a live 640x480 Motion JPEG test pattern at 15 fps over {@code transport} (tcp, udp),
     * as a camera does: the standard Huffman tables of RFC 2435 ({@code -huffman default}), so
     * that the RTP payload carries no tables and the receiver's defaults decode it.
     */
    static Publisher mjpegTestPattern(String url, String transport) throws IOException {
        return liveEncode(url, transport, "640x480", 15, "-c:v", "mjpeg", "-huffman", "default", "-pix_fmt",
                "yuvj420p", "-q:v", "5");
    }

    /** Publishes a live 320x240 VP8 test pattern (libvpx, real time, 1 s GOP at 25 fps) over TCP. */
    static Publisher vp8TestPattern(String url) throws IOException {
        return liveEncode(url, "tcp", "320x240", 25, "-pix_fmt", "yuv420p", "-c:v", "libvpx", "-deadline",
                "realtime", "-cpu-used", "8", "-g", "25");
    }

    /**
     * Publishes the same pattern as {@link #vp8TestPattern(String)} in VP9 (libvpx-vp9), with
     * {@code -strict experimental}, without which ffmpeg 5.1's VP9 RTP packetizer refuses to run.
     */
    static Publisher vp9TestPattern(String url) throws IOException {
        return liveEncode(url, "tcp", "320x240", 25, "-pix_fmt", "yuv420p", "-c:v", "libvpx-vp9", "-deadline",
                "realtime", "-cpu-used", "8", "-g", "25", "-strict", "experimental");
    }

    /** ffmpeg encoding its {@code testsrc} pattern of {@code size} at {@code fps} live with {@code encoding}. */
    private static Publisher liveEncode(String url, String transport, String size, int fps, String... encoding)
            throws IOException {
        ExternalTool.require("ffmpeg");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-re", "-f", "lavfi",
                "-i", "testsrc=size=" + size + ":rate=" + fps));
        command.addAll(List.of(encoding));
        command.addAll(List.of("-f", "rtsp", "-rtsp_transport", transport, url));
        return new Publisher(command, url);
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
    public Publisher awaitPublished(int rtspPort) throws Exception {
        boolean ready = Await.until(READY_TIMEOUT, () -> !process.isAlive() || receives(rtspPort, url));
        if (!process.isAlive() || !ready) {
            fail("ffmpeg did not publish " + url + ":\n" + output());
        }
        return this;
    }

    /** Whether a reader of {@code url}'s first track receives packets within a second. */
    static boolean receives(int rtspPort, String url) {
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
