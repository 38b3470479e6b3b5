package io.tributary.sources.file.internal.mp4;

import static io.tributary.sources.file.internal.mp4.FragmentWriter.NON_SYNC;
import static io.tributary.sources.file.internal.mp4.FragmentWriter.SYNC;
import static io.tributary.sources.file.internal.mp4.MovieBuilder.SAMPLE_DURATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.sources.file.internal.mp4.FragmentWriter.Base;
import io.tributary.sources.file.internal.mp4.FragmentWriter.Fragment;
import io.tributary.sources.file.internal.mp4.FragmentWriter.Run;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fragmented files written box by box: the data-offset, timing and flag rules that ffmpeg's files leave unused. */
class Mp4FragmentStructureTest {
    private static final byte[] IDR = nal(0x65, 0x88, 0x84, 0x00, 0x33);
    private static final byte[] P1 = nal(0x41, 0x9A, 0x01);
    private static final byte[] P2 = nal(0x41, 0x9A, 0x02, 0x02);
    private static final byte[] P3 = nal(0x41, 0x9A, 0x03, 0x03, 0x03);

    @TempDir
    Path dir;

    @Test
    void runsWithoutDataOffsetFollowTheBaseAndThePreviousRun() throws IOException {
        Run first = new Run(List.of(IDR, P1), null, null, SYNC, null, false);
        Run second = new Run(List.of(P2), null, null, null, null, false);
        try (Mp4File mp4 = open(fragmented(new Fragment(0L, Base.EXPLICIT, List.of(first, second))))) {
            Mp4Track track = mp4.tracks().get(0);
            assertEquals(3, track.sampleCount());
            assertSamples(mp4, IDR, P1, P2);
            assertEquals(2L * SAMPLE_DURATION, track.decodeTime(2));
        }
    }

    @Test
    void implicitAndMoofRelativeBasesPlaceTheData() throws IOException {
        byte[] file = fragmented(new Fragment(0L, Base.IMPLICIT, List.of(Run.of(IDR, P1))));
        file = FragmentWriter.append(file, new Fragment(2L * SAMPLE_DURATION, Base.MOOF, List.of(Run.of(P2, P3))));
        try (Mp4File mp4 = open(file)) {
            assertSamples(mp4, IDR, P1, P2, P3);
        }
    }

    @Test
    void aFragmentWithoutDecodeTimeFollowsThePreviousOne() throws IOException {
        Run durations = new Run(List.of(IDR, P1), new int[] {1000, 2000}, null, SYNC, null, true);
        byte[] file = fragmented(new Fragment(9000L, Base.MOOF, List.of(durations)));
        file = FragmentWriter.append(file, new Fragment(null, Base.MOOF, List.of(Run.of(P2))));
        try (Mp4File mp4 = open(file)) {
            Mp4Track track = mp4.tracks().get(0);
            assertEquals(List.of(9000L, 10000L, 12000L), List.of(track.decodeTime(0), track.decodeTime(1),
                    track.decodeTime(2)));
        }
    }

    @Test
    void aDecodeTimeThatGoesBackIsIgnored() throws IOException {
        byte[] file = fragmented(new Fragment(0L, Base.MOOF, List.of(Run.of(IDR, P1))));
        file = FragmentWriter.append(file, new Fragment(0L, Base.MOOF, List.of(Run.of(P2))));
        try (Mp4File mp4 = open(file)) {
            assertEquals(2L * SAMPLE_DURATION, mp4.tracks().get(0).decodeTime(2), "continues after the last sample");
        }
    }

    @Test
    void syncComesFromTheNonSyncBitOrFromDependingOnNothing() throws IOException {
        int dependsOnNothingButMarkedNonSync = 0x0201_0000;
        int[] flags = {NON_SYNC, SYNC, dependsOnNothingButMarkedNonSync, 0};
        Run run = new Run(List.of(IDR, P1, P2, P3), null, flags, null, null, true);
        try (Mp4File mp4 = open(fragmented(new Fragment(0L, Base.MOOF, List.of(run))))) {
            Mp4Track track = mp4.tracks().get(0);
            assertEquals(List.of(false, true, true, true),
                    List.of(track.isSync(0), track.isSync(1), track.isSync(2), track.isSync(3)));
            assertEquals(0, track.seekIndex(0), "no sync sample at or before 0: start at sample 0");
            assertEquals(1, track.seekIndex(SAMPLE_DURATION));
        }
    }

    @Test
    void firstSampleFlagsOverrideTheTrackDefaults() throws IOException {
        try (Mp4File mp4 = open(fragmented(new Fragment(0L, Base.MOOF, List.of(
                new Run(List.of(IDR, P1, P2), null, null, SYNC, null, true)))))) {
            Mp4Track track = mp4.tracks().get(0);
            assertTrue(track.isSync(0));
            assertFalse(track.isSync(1) || track.isSync(2), "the trex default: not sync");
            assertEquals(0, track.seekIndex(2 * SAMPLE_DURATION));
        }
    }

    @Test
    void negativeCompositionOffsetsOfTrunVersion1MoveDecodeTimesBack() throws IOException {
        int d = SAMPLE_DURATION;
        Run run = new Run(List.of(IDR, P1, P2), null, new int[] {SYNC, NON_SYNC, NON_SYNC}, null,
                new int[] {0, 2 * d, -d}, true);
        try (Mp4File mp4 = open(fragmented(new Fragment(0L, Base.MOOF, List.of(run))))) {
            Mp4Track track = mp4.tracks().get(0);
            assertEquals(List.of(0L, 3L * d, (long) d), List.of(track.presentationTime(0), track.presentationTime(1),
                    track.presentationTime(2)));
            assertEquals(List.of(-(long) d, 0L, (long) d), List.of(track.decodeTime(0), track.decodeTime(1),
                    track.decodeTime(2)));
        }
    }

    @Test
    void theEditListStillApplies() throws IOException {
        MovieBuilder movie = new MovieBuilder();
        movie.emptyEditMillis = 500;
        movie.extraMoovBox = FragmentWriter.mvex(SAMPLE_DURATION, NON_SYNC);
        byte[] file = FragmentWriter.append(movie.build(), new Fragment(0L, Base.MOOF,
                List.of(new Run(List.of(IDR, P1), null, null, SYNC, null, true))));
        try (Mp4File mp4 = open(file)) {
            Mp4Track track = mp4.tracks().get(0);
            assertEquals(45000, track.presentationTime(0));
            assertEquals(45000 + SAMPLE_DURATION, track.presentationTime(1));
        }
    }

    @Test
    void movieSamplesComeFirstAndFragmentsContinueThem() throws IOException {
        MovieBuilder movie = new MovieBuilder();
        movie.moovFirst = true;
        movie.extraMoovBox = FragmentWriter.mvex(SAMPLE_DURATION, NON_SYNC);
        movie.sample(IDR).sample(P1);
        byte[] file = FragmentWriter.append(movie.build(), new Fragment(2L * SAMPLE_DURATION, Base.MOOF,
                List.of(new Run(List.of(IDR, P2), null, null, SYNC, null, true))));
        try (Mp4File mp4 = open(file)) {
            Mp4Track track = mp4.tracks().get(0);
            assertEquals(4, track.sampleCount());
            assertEquals(List.of(true, false, true, false),
                    List.of(track.isSync(0), track.isSync(1), track.isSync(2), track.isSync(3)));
            assertEquals(3L * SAMPLE_DURATION, track.presentationTime(3));
            assertEquals(2, track.seekIndex(3L * SAMPLE_DURATION));
            assertSamples(mp4, fourByteLengths(IDR), fourByteLengths(P1), IDR, P2);
        }
    }

    @Test
    void aRecordingCutInsideItsLastFragmentPlaysUpToTheLastCompleteSample() throws IOException {
        byte[] file = fragmented(new Fragment(0L, Base.MOOF, List.of(Run.of(IDR, P1))));
        file = FragmentWriter.append(file, new Fragment(null, Base.MOOF, List.of(Run.of(IDR, P2, P3))));
        try (Mp4File mp4 = open(Arrays.copyOf(file, file.length - 2))) {
            assertEquals(4, mp4.tracks().get(0).sampleCount(), "P3 is cut");
            assertSamples(mp4, IDR, P1, IDR, P2);
        }
        try (Mp4File mp4 = open(Arrays.copyOf(file, file.length - P3.length - P2.length - IDR.length - 20))) {
            assertEquals(2, mp4.tracks().get(0).sampleCount(), "the last moof is cut: only the first fragment");
        }
    }

    @Test
    void aRecordingCutRightAfterAMoofWhoseBasePointsPastItPlaysTheFragmentsBefore() throws IOException {
        byte[] file = fragmented(new Fragment(0L, Base.EXPLICIT, List.of(Run.of(IDR, P1))));
        file = FragmentWriter.append(file, new Fragment(null, Base.EXPLICIT, List.of(Run.of(IDR, P2))));
        try (Mp4File mp4 = open(Arrays.copyOf(file, file.length - IDR.length - P2.length - 8))) {
            assertSamples(mp4, IDR, P1);
        }
    }

    @Test
    void fragmentsWithoutMovieExtendsAreRejected() throws IOException {
        MovieBuilder movie = new MovieBuilder();
        movie.sample(IDR);
        byte[] file = FragmentWriter.append(movie.build(), new Fragment(0L, Base.MOOF, List.of(Run.of(P1))));
        IOException e = assertThrows(IOException.class, () -> open(file));
        assertTrue(e.getMessage().contains("movie fragments without a movie extends box (mvex)"), e.getMessage());
    }

    @Test
    void aFragmentedFileWithoutFragmentsHasNoPlayableTrack() throws IOException {
        byte[] file = fragmented();
        IOException e = assertThrows(IOException.class, () -> open(file));
        assertEquals("no playable track in movie.mp4; found: track 1 H264 (no samples)", e.getMessage());
    }

    @Test
    void aSampleCountBeyondTheRunIsRejected() throws IOException {
        byte[] file = fragmented(new Fragment(0L, Base.MOOF, List.of(Run.of(IDR, P1))));
        int trun = indexOf(file, "trun");
        ByteBuffer.wrap(file).putInt(trun + 12, 1000); // sample count, after the header and the version and flags
        IOException e = assertThrows(IOException.class, () -> open(file));
        assertTrue(e.getMessage().contains("trun: sample count 1000 exceeds"), e.getMessage());
    }

    /** A movie box with an empty sample table and {@code mvex}, then the fragments. */
    private static byte[] fragmented(Fragment... fragments) {
        MovieBuilder movie = new MovieBuilder();
        movie.moovFirst = true;
        movie.extraMoovBox = FragmentWriter.mvex(SAMPLE_DURATION, NON_SYNC);
        byte[] file = movie.build();
        for (Fragment fragment : fragments) {
            file = FragmentWriter.append(file, fragment);
        }
        return file;
    }

    private Mp4File open(byte[] file) throws IOException {
        Path path = dir.resolve("movie.mp4");
        Files.write(path, file);
        return Mp4File.open(path);
    }

    private static void assertSamples(Mp4File mp4, byte[]... expected) throws IOException {
        assertEquals(expected.length, mp4.tracks().get(0).sampleCount());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(ByteBuffer.wrap(expected[i]), mp4.read(0, i), "sample " + i);
        }
    }

    /** One NAL unit with its 4-byte length: a sample as stored and as served. */
    private static byte[] nal(int... bytes) {
        ByteBuffer out = ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length);
        for (int b : bytes) {
            out.put((byte) b);
        }
        return out.array();
    }

    /** What {@link MovieBuilder#sample} stores for a sample that is already length-prefixed: the prefix twice. */
    private static byte[] fourByteLengths(byte[] sample) {
        return ByteBuffer.allocate(4 + sample.length).putInt(sample.length).put(sample).array();
    }

    private static int indexOf(byte[] file, String type) {
        for (int i = 0; i + 4 <= file.length; i++) {
            if (new String(file, i, 4, StandardCharsets.ISO_8859_1).equals(type)) {
                return i - 4;
            }
        }
        throw new AssertionError(type + " not found");
    }
}
