package io.tributary.codecs.mjpeg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.testing.FfmpegRtpPublisher;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** JPEG images for tests: a stored one, ffmpeg's and GStreamer's, and ffmpeg decoding them as the oracle. */
final class TestImages {
    /** ffmpeg's test pattern at 32x16, 4:2:0, standard Huffman tables, one quantization table, no COM. */
    static final String TINY = "tiny-420.jpg";

    private TestImages() {
    }

    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static byte[] bytes(AccessUnit unit) {
        return bytes(unit.dataView());
    }

    /**
     * ffmpeg's mjpeg encoder on its 320x240 test pattern with the standard Huffman tables:
     * {@code frames} images, with more encoder options (e.g. {@code -pix_fmt yuvj420p}).
     */
    static List<byte[]> ffmpeg(Path directory, int frames, List<String> options) throws Exception {
        FfmpegRtpPublisher.assumeInstalled();
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=25", "-frames:v", Integer.toString(frames), "-c:v", "mjpeg"));
        command.addAll(options);
        command.add(directory.resolve("ffmpeg-%03d.jpg").toString());
        run(command);
        return files(directory, "ffmpeg-");
    }

    /** GStreamer's {@code jpegenc} (libjpeg: standard tables, Y sampled 2x1 for 4:2:2) on its test pattern. */
    static List<byte[]> gstreamer(Path directory, int frames, String format) throws Exception {
        Assumptions.assumeTrue(onPath("gst-launch-1.0"), "GStreamer not installed");
        run(List.of("gst-launch-1.0", "-q", "videotestsrc", "num-buffers=" + frames, "!",
                "video/x-raw,format=" + format + ",width=320,height=240", "!", "jpegenc", "!", "multifilesink",
                "location=" + directory.resolve("gst-%03d.jpg")));
        return files(directory, "gst-");
    }

    /** The image without its APPn and COM segments, which RTP/JPEG does not carry. */
    static byte[] withoutApplicationSegments(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int at = 2;
        while (true) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == JpegMarker.SOS) {
                out.write(jpeg, at, jpeg.length - at);
                return out.toByteArray();
            }
            if (!(marker >= JpegMarker.APP0 && marker <= JpegMarker.APP15) && marker != JpegMarker.COM) {
                out.write(jpeg, at, 2 + length);
            }
            at += 2 + length;
        }
    }

    /**
     * What ffmpeg decodes of the images, one frame hash per image, read as one Motion-JPEG
     * stream; asserts that ffmpeg reported no error or warning.
     */
    static List<String> decodedHashes(Path directory, List<byte[]> images) throws Exception {
        Path stream = Files.createTempFile(directory, "stream", ".mjpeg");
        try (var out = Files.newOutputStream(stream)) {
            for (byte[] image : images) {
                out.write(image);
            }
        }
        String output = run(List.of("ffmpeg", "-v", "error", "-nostdin", "-f", "mjpeg", "-i", stream.toString(),
                "-f", "framemd5", "-"));
        return output.lines().filter(line -> line.startsWith("0,"))
                .map(line -> line.substring(line.lastIndexOf(',') + 1).strip()).toList();
    }

    /** Runs a tool to its end (30 s at most); asserts exit 0 and an empty stderr, returns stdout. */
    static String run(List<String> command) throws Exception {
        Path err = Files.createTempFile("tool", ".err");
        Path out = Files.createTempFile("tool", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after 30 s: " + command);
            }
            String stderr = Files.readString(err);
            assertEquals(0, process.exitValue(), () -> command + ": " + stderr);
            assertEquals("", stderr.strip(), () -> "errors or warnings from " + command);
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
        }
    }

    private static List<byte[]> files(Path directory, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().map(f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static boolean onPath(String tool) {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
