package io.tributary.sources.file.internal.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes test clips with ffmpeg and lists their packets with ffprobe: the oracle of the demuxer
 * tests. The demuxers' own probes ({@code ts.Probe}, {@code mkv.Ffprobe}) ask for the fields
 * their containers need and run ffprobe through {@link #run}.
 */
public final class Ffmpeg {
    private static Boolean installed;

    private Ffmpeg() {
    }

    /** A packet as ffprobe reports it: times in the stream's time base, with the edit list applied. */
    public record Packet(int stream, long pts, long dts, int size, long pos, boolean keyframe) {
    }

    /** A stream as ffprobe reports it. */
    public record Stream(int index, String codecType, String codecName, long timescale) {
    }

    /** Skips the calling test when ffmpeg or ffprobe is missing. */
    public static synchronized void assumeInstalled() {
        if (installed == null) {
            installed = runs("ffmpeg", "-version") && runs("ffprobe", "-version");
        }
        Assumptions.assumeTrue(installed, "ffmpeg not installed");
    }

    /** Whether this ffmpeg has an encoder (libx265, libopus, …). */
    public static boolean hasEncoder(String name) throws IOException {
        return run("ffmpeg", "-hide_banner", "-encoders").contains(" " + name + " ");
    }

    /**
     * Encodes a clip: lavfi test pattern and/or sine, small and short, with the given extra
     * arguments (codecs, muxer flags) before the output.
     *
     * @param video whether to include video (320x180 testsrc2)
     * @param audio whether to include audio (stereo sine)
     */
    public static Path encode(Path out, double seconds, int fps, boolean video, boolean audio, String... options)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (video) {
            command.addAll(List.of("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=" + fps));
        }
        if (audio) {
            command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"));
        }
        command.addAll(List.of("-t", String.valueOf(seconds)));
        if (video) {
            command.addAll(List.of("-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", String.valueOf(fps), "-bf", "0"));
        }
        if (audio) {
            command.addAll(List.of("-c:a", "aac", "-ac", "2", "-b:a", "64k"));
        }
        command.addAll(List.of(options));
        command.add(out.toString());
        ffmpeg(command.toArray(String[]::new));
        return out;
    }

    /** Runs ffmpeg with these arguments (after {@code -v error -y -threads 1}). */
    public static void ffmpeg(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-threads", "1"));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    public static List<Stream> streams(Path file) throws IOException {
        List<Stream> streams = new ArrayList<>();
        for (Map<String, String> s : records(file, "stream=index,codec_type,codec_name,time_base", "index")) {
            String[] timeBase = s.get("time_base").split("/");
            assertEquals("1", timeBase[0], "time base " + s.get("time_base"));
            streams.add(new Stream(Integer.parseInt(s.get("index")), s.get("codec_type"), s.get("codec_name"),
                    Long.parseLong(timeBase[1])));
        }
        return streams;
    }

    /** Packets of one stream in decode order. */
    public static List<Packet> packets(Path file, int stream) throws IOException {
        List<Packet> packets = new ArrayList<>();
        for (Map<String, String> p : records(file, "packet=stream_index,pts,dts,size,pos,flags", "stream_index")) {
            if (Integer.parseInt(p.get("stream_index")) == stream) {
                packets.add(new Packet(stream, Long.parseLong(p.get("pts")), Long.parseLong(p.get("dts")),
                        Integer.parseInt(p.get("size")), Long.parseLong(p.get("pos")), p.get("flags").contains("K")));
            }
        }
        return packets;
    }

    private static List<Map<String, String>> records(Path file, String entries, String key) throws IOException {
        String kind = entries.substring(0, entries.indexOf('='));
        String output = run("ffprobe", "-v", "error", kind.equals("packet") ? "-show_packets" : "-show_streams",
                "-show_entries", entries, "-of", "compact=p=0", file.toString());
        List<Map<String, String>> records = new ArrayList<>();
        for (String line : output.split("\n")) {
            Map<String, String> fields = new HashMap<>();
            for (String field : line.split("\\|")) {
                int eq = field.indexOf('=');
                if (eq > 0) {
                    fields.put(field.substring(0, eq), field.substring(eq + 1));
                }
            }
            if (fields.containsKey(key)) {
                records.add(fields);
            }
        }
        return records;
    }

    private static boolean runs(String... command) {
        try {
            run(command);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Runs a command to its end (at most 2 minutes) and returns what it wrote to standard output.
     *
     * @throws IOException when it fails; the message carries what it wrote to standard error
     */
    public static String run(String... command) throws IOException {
        Path errors = Files.createTempFile("ffmpeg", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(errors));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
