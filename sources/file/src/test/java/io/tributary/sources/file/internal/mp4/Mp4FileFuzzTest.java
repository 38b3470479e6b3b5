package io.tributary.sources.file.internal.mp4;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes, as a file: the demuxer indexes them or fails with an {@link IOException}, never
 * with another exception, a hang or an allocation out of proportion to the input. Runs the
 * seeds in {@code Mp4FileFuzzTestInputs/} as a regression test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class Mp4FileFuzzTest {
    /** Samples read per track and input: enough to reach the tables' ends on small inputs. */
    private static final int READS_PER_TRACK = 2000;

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "2m")
    void opensOrRejectsWithIOException(byte[] data) throws IOException {
        Path file = dir.resolve("input.mp4");
        Files.write(file, data);
        try (Mp4File mp4 = Mp4File.open(file)) {
            for (int t = 0; t < mp4.tracks().size(); t++) {
                Mp4Track track = mp4.tracks().get(t);
                int samples = track.sampleCount();
                assertTrue(samples > 0 && samples <= data.length, "sample count bounded by the file: " + samples);
                for (int i = 0; i < Math.min(samples, READS_PER_TRACK); i++) {
                    long pts = track.presentationTime(i);
                    assertTrue(track.decodeTime(i) <= pts, "decode time after presentation time");
                    int seek = track.seekIndex(pts);
                    assertTrue(seek >= 0 && seek < samples, "seek index in range");
                    track.isSync(i);
                    try {
                        mp4.read(t, i);
                    } catch (IOException malformedSample) {
                        // NAL lengths that run past their sample
                    }
                }
                assertTrue(!track.duration().isNegative() && track.bitrate() >= 0, "duration and bitrate");
            }
        } catch (IOException rejected) {
            // not an MP4 file we can play: the expected outcome for most inputs
        }
    }
}
