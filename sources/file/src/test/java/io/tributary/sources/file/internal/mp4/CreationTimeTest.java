package io.tributary.sources.file.internal.mp4;

import static io.tributary.sources.file.internal.mp4.MovieBuilder.box;
import static io.tributary.sources.file.internal.mp4.MovieBuilder.fullBox;
import static io.tributary.sources.file.internal.mp4.MovieBuilder.u32;
import static io.tributary.sources.file.internal.mp4.MovieBuilder.u64;
import static io.tributary.sources.file.internal.mp4.MovieBuilder.u8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The movie's creation time, which anchors a file on the wall clock for clock seeks. */
class CreationTimeTest {
    /** 2026-11-24T10:15:00Z in seconds since 1904-01-01 (the MP4 epoch). */
    private static final long NOV_24 = 3_878_360_100L;

    @Test
    void version0And1CountSecondsSince1904() throws IOException {
        byte[] v0 = fullBox("mvhd", u32(NOV_24, 0, 1000, 10_000), new byte[80]);
        assertEquals(Instant.parse("2026-11-24T10:15:00Z"), MoovParser.creationTime(v0));
        byte[] v1 = box("mvhd", u8(1, 0, 0, 0), u64(NOV_24), u64(NOV_24), u32(1000), u64(10_000), new byte[80]);
        assertEquals(Instant.parse("2026-11-24T10:15:00Z"), MoovParser.creationTime(v1));
    }

    @Test
    void zeroOrANegativeOrAFarFuture64BitValueMeansUnknown() throws IOException {
        assertNull(MoovParser.creationTime(fullBox("mvhd", u32(0, 0, 1000, 10_000), new byte[80])),
                "what ffmpeg writes without creation_time");
        assertNull(MoovParser.creationTime(box("mvhd", u8(1, 0, 0, 0), u64(-5), u64(0), u32(1000), u64(1),
                new byte[80])));
        assertNull(MoovParser.creationTime(box("mvhd", u8(1, 0, 0, 0), u64(Long.MAX_VALUE), u64(0), u32(1000),
                u64(1), new byte[80])), "past what an Instant holds: found by fuzzing");
    }

    @Test
    void aTruncatedOrMissingMovieHeaderIsAnError() {
        assertThrows(IOException.class, () -> MoovParser.creationTime(box("mvhd", u8(1, 0, 0, 0), u32(7))));
        assertThrows(IOException.class, () -> MoovParser.creationTime(box("free", new byte[8])));
    }
}
