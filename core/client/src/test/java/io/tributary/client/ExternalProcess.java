package io.tributary.client;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Finding and running the real peers (python3-gi, ffmpeg) the interop tests need. */
final class ExternalProcess {
    private ExternalProcess() {
    }

    /** A python3 that can import GstRtspServer, or null. Debian's /usr/bin/python3 first (pyenv shims lack gi). */
    static String pythonWithGstRtspServer() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            if (candidate.startsWith("/") && !new File(candidate).canExecute()) {
                continue;
            }
            if (succeeds(List.of(candidate, "-c",
                    "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer"))) {
                return candidate;
            }
        }
        return null;
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

    /** Waits (bounded) for a line of the process' output that starts with {@code prefix}. */
    static boolean awaitLine(Process p, String prefix, long millis) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
            try {
                for (int i = 0; i < 1000; i++) {
                    String line = reader.readLine();
                    if (line == null) {
                        return false;
                    }
                    if (line.startsWith(prefix)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            return found.get(millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
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
