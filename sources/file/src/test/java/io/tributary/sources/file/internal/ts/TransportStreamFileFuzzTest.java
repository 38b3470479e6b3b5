package io.tributary.sources.file.internal.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.MediaType;
import io.tributary.sources.file.internal.container.DemuxerInvariants;
import io.tributary.sources.file.internal.container.FileReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes, as a file: the demuxer indexes them or fails with an {@link IOException}, never
 * with another exception, a hang or an allocation out of proportion to the input; every sample
 * it indexed reads back. Packet, PSI, PES and ADTS parsing are all on this path. Runs the seeds
 * in {@code TransportStreamFileFuzzTestInputs/} as a regression test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class TransportStreamFileFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "1m")
    void opensOrRejectsWithIOException(byte[] data) throws IOException {
        Path file = dir.resolve("input.ts");
        Files.write(file, data);
        try (TransportStreamFile ts = TransportStreamFile.open(file, new IndexCache(0, 0));
             FileReader reader = new FileReader(file)) {
            DemuxerInvariants.assertHold(ts, data.length, (t, i) -> {
                TsTrack track = ts.tracks().get(t);
                assertTrue(track.samples().size(i) > 0, "no empty sample");
                assertEquals(track.samples().size(i), gather(reader, ts, track, i).length, "bytes gathered");
                try {
                    ByteBuffer sample = ts.read(t, i);
                    assertTrue(sample.remaining() > 0, "a sample has bytes");
                } catch (IOException malformedSample) {
                    assertTrue(track.format().type() == MediaType.VIDEO, "only video can be malformed");
                }
            });
        } catch (IOException rejected) {
            // not a transport stream we can play: the expected outcome for most inputs
        }
    }

    /** The indexed bytes of a sample: reading them must not fail on a file that did not change. */
    private static byte[] gather(FileReader reader, TransportStreamFile ts, TsTrack track, int sample) {
        try {
            return PayloadReader.read(reader, ts.index().packetSize(), track.pid(), track.samples(), sample);
        } catch (IOException e) {
            throw new AssertionError("indexed sample " + sample + " of PID " + track.pid() + " does not read back", e);
        }
    }
}
