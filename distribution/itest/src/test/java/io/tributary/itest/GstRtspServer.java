package io.tributary.itest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * GStreamer's RTSP server (gst-rtsp-server through python3-gi) serving a live H.264 test
 * pattern (320x240, 30 fps, a keyframe every 30 frames) at {@code rtsp://127.0.0.1:<port>/test}:
 * the reference many cameras resemble. The process quits when its stdin closes or after a
 * hard time limit, so it never outlives the test by long.
 */
final class GstRtspServer implements AutoCloseable {
    static final int FPS = 30;
    private static final int TIME_LIMIT_SECONDS = 120;
    private static final String SCRIPT = """
            import sys
            import gi
            gi.require_version("Gst", "1.0")
            gi.require_version("GstRtspServer", "1.0")
            from gi.repository import GLib, Gst, GstRtspServer

            Gst.init(None)
            server = GstRtspServer.RTSPServer()
            server.set_address("127.0.0.1")
            server.set_service(sys.argv[1])
            factory = GstRtspServer.RTSPMediaFactory()
            factory.set_launch(
                "( videotestsrc is-live=true ! video/x-raw,width=320,height=240,framerate=30/1 "
                "! x264enc tune=zerolatency key-int-max=30 ! rtph264pay name=pay0 pt=96 )")
            factory.set_shared(True)
            server.get_mount_points().add_factory("/test", factory)
            if server.attach(None) == 0:
                print("FAILED to listen on port " + sys.argv[1], flush=True)
                sys.exit(1)
            loop = GLib.MainLoop()

            def quit(*_args):
                loop.quit()
                return False

            GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                              GLib.IOCondition.IN | GLib.IOCondition.HUP, quit)
            GLib.timeout_add_seconds(int(sys.argv[2]), quit)
            print("READY", flush=True)
            loop.run()
            """;

    private final Process process;
    private final Path script;
    private final int port;

    private GstRtspServer(Process process, Path script, int port) {
        this.process = process;
        this.script = script;
        this.port = port;
    }

    /** Starts a server on a free port; skips the test when python3-gi with GstRtspServer is missing. */
    static GstRtspServer start() throws Exception {
        return start(freePort());
    }

    /** Starts a server on {@code port} and waits until it listens. */
    static GstRtspServer start(int port) throws Exception {
        String python = PythonGi.require("GstRtspServer");
        Path script = Files.createTempFile("gst_rtsp_server", ".py");
        Files.writeString(script, SCRIPT);
        Process process = new ProcessBuilder(python, script.toString(), Integer.toString(port),
                Integer.toString(TIME_LIMIT_SECONDS)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        GstRtspServer server = new GstRtspServer(process, script, port);
        if (!server.awaitReady(15_000)) {
            server.close();
            throw new IllegalStateException("the GStreamer RTSP server did not start on port " + port);
        }
        return server;
    }

    int port() {
        return port;
    }

    String url() {
        return "rtsp://127.0.0.1:" + port + "/test";
    }

    /** Kills the server the way a crash or a power cut would: no TEARDOWN, no BYE. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            process.getOutputStream().close(); // the script quits when stdin closes
        } catch (IOException alreadyGone) {
            // dead already
        }
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(script);
    }

    private boolean awaitReady(long millis) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
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
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
