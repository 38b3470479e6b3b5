package io.tributary.client.testing;

import io.tributary.rtsp.testing.PythonGi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GStreamer's RTSP server (gst-rtsp-server through python3-gi, the script
 * {@code gst_rtsp_server.py} next to this class) serving a live H.264 test pattern (320x240,
 * 30 fps, a keyframe every 30 frames) at {@code rtsp://127.0.0.1:<port>/test}: the reference
 * many cameras resemble. The process quits when its stdin closes or after a hard time limit,
 * so it never outlives the test by long.
 */
public final class GstRtspServer implements AutoCloseable {
    public static final int FPS = 30;
    private static final int TIME_LIMIT_SECONDS = 120;

    private final Process process;
    private final int port;

    private GstRtspServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server on a free port; skips the test when python3-gi with GstRtspServer is missing. */
    public static GstRtspServer start() throws Exception {
        return start(freePort());
    }

    /** Starts a server on {@code port} and waits until it listens; skips the test as {@link #start()} does. */
    public static GstRtspServer start(int port) throws Exception {
        String python = PythonGi.require("GstRtspServer");
        Process process = new ProcessBuilder(python, "-c", script(), Integer.toString(port),
                Integer.toString(TIME_LIMIT_SECONDS)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        GstRtspServer server = new GstRtspServer(process, port);
        if (!server.awaitReady(15_000)) {
            server.close();
            throw new IllegalStateException("the GStreamer RTSP server did not start on port " + port);
        }
        return server;
    }

    public int port() {
        return port;
    }

    /** {@code rtsp://127.0.0.1:<port>/test}. */
    public String url() {
        return "rtsp://127.0.0.1:" + port + "/test";
    }

    /** {@code rtsp://127.0.0.1:<port>/ts}: the same pattern in an MPEG-TS over RTP (payload type 33). */
    public String transportStreamUrl() {
        return "rtsp://127.0.0.1:" + port + "/ts";
    }

    /** Kills the server the way a crash or a power cut would: no TEARDOWN, no BYE. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close(); // the script quits when stdin closes
        } catch (IOException alreadyGone) {
            // dead already
        }
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A TCP port of 127.0.0.1 that was free a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String script() throws IOException {
        try (InputStream in = GstRtspServer.class.getResourceAsStream("gst_rtsp_server.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private boolean awaitReady(long millis) throws Exception {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("READY")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            return ready.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        }
    }
}
