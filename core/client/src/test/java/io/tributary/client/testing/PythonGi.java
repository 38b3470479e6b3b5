package io.tributary.client.testing;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The python3 with GStreamer's introspection bindings (python3-gi), which the GStreamer helpers run. */
public final class PythonGi {
    private PythonGi() {
    }

    /**
     * A python3 that imports {@code gi.repository.<module>}; skips the calling test (with the
     * reason) when there is none. Debian's /usr/bin/python3 first: pyenv shims lack gi.
     */
    public static String require(String module) {
        String python = find(module);
        Assumptions.assumeTrue(python != null, "python3-gi with " + module + " is not installed"
                + " (packages python3-gst-1.0, gir1.2-gst-rtsp-server-1.0; CI installs them)");
        return python;
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
