package io.tributary.codecs.vpx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs ffmpeg, ffprobe and gst-launch-1.0 for the tests that compare with them. */
final class Tools {
    private Tools() {
    }

    /** Skips the calling test when {@code tool} is not on the PATH (CI installs it). */
    static void assumeInstalled(String tool) {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin");
        Assumptions.assumeTrue(Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, tool))), tool + " not installed");
    }

    /** Runs {@code command} with output to {@code log}; asserts that it ends in time with status 0 and returns what it printed. */
    static String run(Path log, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        boolean ended = process.waitFor(20, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertTrue(ended, () -> String.join(" ", command) + " still running after 20 s: " + output);
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed: " + output);
        return output;
    }

    /** The keyframe flag of each packet of a file, as ffprobe reads the container. */
    static List<Boolean> keyframes(Path work, Path file) throws IOException, InterruptedException {
        String csv = run(work.resolve("ffprobe.log"), List.of("ffprobe", "-v", "error", "-show_entries",
                "packet=flags", "-of", "csv=p=0", file.toString()));
        return csv.lines().map(String::strip).filter(line -> !line.isEmpty()).map(flags -> flags.startsWith("K"))
                .toList();
    }
}
