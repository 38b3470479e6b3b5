package io.tributary.sources.file.internal.mkv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.sources.file.internal.container.DemuxerInvariants;
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
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "1m")
    void opensOrRejectsWithIOException(byte[] data) throws IOException {
        Path file = dir.resolve("input.mkv");
        Files.write(file, data);
        try (MatroskaFile mkv = MatroskaFile.open(file)) {
            DemuxerInvariants.assertHold(mkv, data.length, (t, i) -> {
                MatroskaTrack track = mkv.tracks().get(t);
                assertTrue(i == 0 || track.decodeTime(i) > track.decodeTime(i - 1), "decode times increase");
                try {
                    mkv.read(t, i);
                } catch (IOException malformedFrame) {
                    // NAL lengths that run past their frame
                }
            });
        } catch (IOException rejected) {
            // not a Matroska file we can play: the expected outcome for most inputs
        }
    }
}
