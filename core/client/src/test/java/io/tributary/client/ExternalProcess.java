package io.tributary.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finding and running the real peer (ffmpeg) the interop tests need. */
final class ExternalProcess {
    private ExternalProcess() {
    }

    static boolean ffmpegWithLibx264() {
        return succeeds(List.of("ffmpeg", "-hide_banner", "-h", "encoder=libx264"));
    }

    /** Runs a short command to completion (at most 20 s); true on exit status 0. */
    static boolean succeeds(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Ends a process this test started: politely, then by force, bounded. */
    static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        try {
            p.getOutputStream().close(); // our helpers quit when stdin closes
        } catch (IOException ignored) {
            // already gone
        }
        if (!p.waitFor(3, TimeUnit.SECONDS)) {
            p.destroy();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        }
    }
}
