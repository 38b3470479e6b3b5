package io.tributary.sources.file.internal.mkv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes, as a file: the demuxer indexes them or fails with an {@link IOException}, never
 * with another exception, a hang or an allocation out of proportion to the input. Runs the
 * seeds in {@code MatroskaFileFuzzTestInputs/} as a regression test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class MatroskaFileFuzzTest {
    /** Frames read per track and input: enough to reach the index's end on small inputs. */
    private static final int READS_PER_TRACK = 2000;

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "1m")
    void opensOrRejectsWithIOException(byte[] data) throws IOException {
        Path file = dir.resolve("input.mkv");
        Files.write(file, data);
        try (MatroskaFile mkv = MatroskaFile.open(file)) {
            for (int t = 0; t < mkv.tracks().size(); t++) {
                MatroskaTrack track = mkv.tracks().get(t);
                int samples = track.sampleCount();
                assertTrue(samples > 0 && samples <= data.length, "frame count bounded by the file: " + samples);
                for (int i = 0; i < Math.min(samples, READS_PER_TRACK); i++) {
                    long pts = track.presentationTime(i);
                    assertTrue(track.decodeTime(i) <= pts, "decode time after presentation time");
                    assertTrue(i == 0 || track.decodeTime(i) > track.decodeTime(i - 1), "decode times increase");
                    int seek = track.seekIndex(pts);
                    assertTrue(seek >= 0 && seek < samples, "seek index in range");
                    track.isSync(i);
                    try {
                        mkv.read(t, i);
                    } catch (IOException malformedFrame) {
                        // NAL lengths that run past their frame
                    }
                }
                assertTrue(!track.duration().isNegative() && track.bitrate() >= 0, "duration and bitrate");
            }
        } catch (IOException rejected) {
            // not a Matroska file we can play: the expected outcome for most inputs
        }
    }
}
