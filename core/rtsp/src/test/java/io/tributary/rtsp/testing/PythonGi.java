package io.tributary.rtsp.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The python3 with GStreamer's introspection bindings (python3-gi) that the GStreamer helpers
 * and interop tests run; a test without it is skipped with the reason, not passed (CI installs
 * it). Shared with other modules' tests through this module's test jar.
 */
public final class PythonGi {
    private PythonGi() {
    }

    /**
     * A python3 that imports {@code gi.repository.<module>}; skips the calling test when there is
     * none. Debian's /usr/bin/python3 first: pyenv shims lack gi.
     */
    public static String require(String module) {
        String python = find(module);
        Assumptions.assumeTrue(python != null, "python3-gi with " + module + " is not installed"
                + " (packages python3-gst-1.0, gstreamer1.0-plugins-bad, gir1.2-gst-rtsp-server-1.0; CI installs them)");
        return python;
    }

    /** Skips the calling test unless GStreamer has every element of {@code factories}. */
    public static void requireElements(String python, String... factories) throws Exception {
        StringBuilder check = new StringBuilder("import gi; gi.require_version('Gst', '1.0');"
                + " from gi.repository import Gst; Gst.init(None); missing = [f for f in [");
        for (String f : factories) {
            check.append('\'').append(f).append("',");
        }
        check.append("] if Gst.ElementFactory.find(f) is None]; print(' '.join(missing))");
        Process p = new ProcessBuilder(python, "-c", check.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String missing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(20, TimeUnit.SECONDS);
        Assumptions.assumeTrue(missing.isEmpty(), "GStreamer lacks " + missing
                + " (package gstreamer1.0-plugins-bad)");
    }

    /**
     * Runs {@code script} (a resource next to {@code anchor}) with {@code args}; returns its
     * standard output, fails with its standard error when it exits non-zero.
     */
    public static String run(String python, Class<?> anchor, String script, String... args) throws Exception {
        String source;
        try (InputStream in = anchor.getResourceAsStream(script)) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Files.createTempFile("tributary-", ".py");
        try {
            Files.writeString(file, source);
            List<String> command = new ArrayList<>(List.of(python, file.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(script + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(script + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String find(String module) {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            if (candidate.startsWith("/") && !new File(candidate).canExecute()) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import gi; gi.require_version('" + module
                        + "', '1.0'); from gi.repository import " + module).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // not this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
