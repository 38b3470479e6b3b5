package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** ffprobe and ffmpeg reading an RTSP URL, with the checks every such read makes. */
final class FfmpegReader {
    private FfmpegReader() {
    }

    /** ffprobe's {@code stream=<entries>} over TCP, one CSV line per stream; asserts that it succeeded. */
    static List<String> streams(String url, String entries) throws Exception {
        return streams(url, entries, "tcp");
    }

    /** Like {@link #streams(String, String)} over ffmpeg's {@code -rtsp_transport} {@code transport} (tcp, udp, http). */
    static List<String> streams(String url, String entries, String transport) throws Exception {
        ExternalTool.require("ffprobe");
        ExternalTool.Result probe = ExternalTool.run(Duration.ofSeconds(30), "ffprobe", "-v", "error",
                "-rtsp_transport", transport, "-show_entries", "stream=" + entries, "-of", "csv=p=0", url);
        assertEquals(0, probe.exitCode(), probe.stderr());
        return probe.stdout().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * ffmpeg's {@code framemd5} of what it decodes over {@code transport}, for {@code seconds}
     * (0: to the end); asserts that it finished without an error or warning.
     */
    static String frames(String url, String transport, int seconds) throws Exception {
        ExternalTool.require("ffmpeg");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-rtsp_transport",
                transport, "-i", url));
        if (seconds > 0) {
            command.addAll(List.of("-t", Integer.toString(seconds)));
        }
        command.addAll(List.of("-f", "framemd5", "-"));
        ExternalTool.Result read = ExternalTool.run(Duration.ofSeconds(30 + seconds), command.toArray(String[]::new));
        assertEquals(0, read.exitCode(), read.stderr());
        assertEquals("", read.stderr().strip(), "no decode errors or warnings");
        return read.stdout();
    }

    /** Writes {@code file} with ffmpeg ({@code arguments} are its inputs and encoders); asserts that it succeeded. */
    static void make(java.nio.file.Path file, String... arguments) throws Exception {
        ExternalTool.require("ffmpeg");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error"));
        command.addAll(List.of(arguments));
        command.add(file.toString());
        ExternalTool.Result made = ExternalTool.run(Duration.ofSeconds(60), command.toArray(String[]::new));
        assertEquals(0, made.exitCode(), made.stderr());
    }
}
