package io.tributary.sources.file.internal.mp4;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.sources.file.internal.container.DemuxerInvariants;
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
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "2m")
    void opensOrRejectsWithIOException(byte[] data) throws IOException {
        Path file = dir.resolve("input.mp4");
        Files.write(file, data);
        try (Mp4File mp4 = Mp4File.open(file)) {
            DemuxerInvariants.assertHold(mp4, data.length, (track, sample) -> {
                try {
                    mp4.read(track, sample);
                } catch (IOException malformedSample) {
                    // NAL lengths that run past their sample
                }
            });
        } catch (IOException rejected) {
            // not an MP4 file we can play: the expected outcome for most inputs
        }
    }
}
