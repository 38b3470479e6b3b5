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
import org.junit.jupiter.api.Assumptions;

/** Runs a real client (ffmpeg, ffprobe, gst-launch-1.0) with a time limit and captures its output. */
public final class ExternalTool {
    /** What a run printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private ExternalTool() {
    }

    /** Skips the calling test (with the reason) when the tool is not installed; CI installs all of them. */
    public static void require(String tool) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                found = true;
                break;
            }
        }
        Assumptions.assumeTrue(found, tool + " is not installed (CI installs it with .ci/run)");
    }

    public static Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool-out", ".txt");
        Path err = Files.createTempFile("tool-err", ".txt");
        try {
            Process process = new ProcessBuilder(List.of(command))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail(String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s; stderr:\n"
                        + tail(Files.readString(err, StandardCharsets.UTF_8)));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static List<String> lines(String text, String prefix) {
        List<String> result = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                result.add(line);
            }
        }
        return result;
    }

    static String tail(String text) {
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }
}
