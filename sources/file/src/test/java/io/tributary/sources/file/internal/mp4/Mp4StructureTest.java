package io.tributary.sources.file.internal.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demuxer on hand-written files: box shapes and tables that ffmpeg does not write, and broken files. */
class Mp4StructureTest {
    private static final byte[] IDR = {0x65, (byte) 0x88, (byte) 0x84, 0x00, 0x33};
    private static final byte[] SEI = {0x06, 0x05, 0x01, (byte) 0x80};
    private static final byte[] SLICE = {0x41, (byte) 0x9A, 0x02};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}-byte lengths")
    @ValueSource(ints = {1, 2, 3})
    void shortNalLengthPrefixesAreServedAsFourByteLengths(int lengthSize) throws IOException {
        MovieBuilder movie = new MovieBuilder();
        movie.nalLengthSize = lengthSize;
        movie.sample(SEI, IDR).sample(SLICE);
        try (Mp4File mp4 = open(movie)) {
            assertEquals(lengthSize, mp4.tracks().get(0).format().nalLengthSize());
            assertEquals(3, mp4.tracks().get(0).format().codecConfig().get(4) & 3, "avcC announces 4-byte lengths");
            assertEquals(hex(fourByte(SEI, IDR)), hex(mp4.read(0, 0)));
            assertEquals(hex(fourByte(SLICE)), hex(mp4.read(0, 1)));
        }
    }

    @Test
    void largeSizesCo64AndCompactSampleSizesAreRead() throws IOException {
        MovieBuilder movie = new MovieBuilder();
        movie.largeSizes = true;
        movie.co64 = true;
        movie.stz2 = true;
        movie.sample(IDR).sample(SLICE).sample(SLICE, SLICE);
        try (Mp4File mp4 = open(movie)) {
            Mp4Track track = mp4.tracks().get(0);
            assertEquals(3, track.sampleCount());
            assertEquals(hex(fourByte(SLICE, SLICE)), hex(mp4.read(0, 2)));
            assertEquals(2 * MovieBuilder.SAMPLE_DURATION, track.presentationTime(2));
            assertTrue(track.isSync(0) && !track.isSync(1));
        }
    }

    @Test
    void mediaDataOfSizeZeroRunsToTheEndOfTheFile() throws IOException {
        MovieBuilder movie = new MovieBuilder();
        movie.moovFirst = true;
        movie.mdatToEnd = true;
        movie.sample(IDR).sample(SLICE);
        try (Mp4File mp4 = open(movie)) {
            assertEquals(hex(fourByte(SLICE)), hex(mp4.read(0, 1)));
        }
    }

    @Test
    void anEmptyEditDelaysTheTrack() throws IOException {
        MovieBuilder movie = new MovieBuilder();
        movie.emptyEditMillis = 500;
        movie.sample(IDR).sample(SLICE);
        try (Mp4File mp4 = open(movie)) {
            Mp4Track track = mp4.tracks().get(0);
            assertEquals(45000, track.presentationTime(0));
            assertEquals(45000 + MovieBuilder.SAMPLE_DURATION, track.decodeTime(1));
            assertEquals(0, track.seekIndex(45000 + 10));
        }
    }

    @Test
    void aFileWithoutPlayableTrackIsRejectedWithItsName() throws IOException {
        MovieBuilder text = new MovieBuilder();
        text.handler = "text";
        text.sample(IDR);
        IOException e = assertThrows(IOException.class, () -> open(text));
        assertEquals("no playable track in movie.mp4; found: track 1 (handler 'text')", e.getMessage());

        MovieBuilder mpeg4Visual = new MovieBuilder();
        mpeg4Visual.sampleEntry = "mp4v";
        mpeg4Visual.sample(IDR);
        e = assertThrows(IOException.class, () -> open(mpeg4Visual));
        assertEquals("no playable track in movie.mp4; found: track 1 'mp4v' (video)", e.getMessage());
    }

    @Test
    void sampleCountsBeyondWhatTheFileCanHoldAreRejected() {
        MovieBuilder movie = new MovieBuilder();
        movie.constantSampleSize = 1;
        movie.constantSampleCount = 0xFFFF_FFF0L;
        movie.sample(IDR);
        IOException e = assertThrows(IOException.class, () -> open(movie));
        assertTrue(e.getMessage().contains("stsz: sample count"), e.getMessage());
    }

    @Test
    void aTruncatedMovieBoxIsRejected() throws IOException {
        MovieBuilder movie = new MovieBuilder();
        movie.sample(IDR).sample(SLICE);
        byte[] whole = movie.build();
        Path file = dir.resolve("cut.mp4");
        Files.write(file, Arrays.copyOf(whole, whole.length - 10));
        IOException e = assertThrows(IOException.class, () -> Mp4File.open(file));
        assertTrue(e.getMessage().contains("moov box is truncated"), e.getMessage());
    }

    @Test
    void samplesPastTheEndOfAnUnfinishedFileAreLeftOut() throws IOException {
        MovieBuilder movie = new MovieBuilder();
        movie.moovFirst = true;
        movie.sample(IDR).sample(SLICE).sample(SLICE);
        byte[] whole = movie.build();
        Path file = dir.resolve("unfinished.mp4");
        Files.write(file, Arrays.copyOf(whole, whole.length - 2));
        try (Mp4File mp4 = Mp4File.open(file)) {
            assertEquals(2, mp4.tracks().get(0).sampleCount());
        }
    }

    @Test
    void aFileThatIsNotAnMp4IsRejected() throws IOException {
        Path file = dir.resolve("notes.mp4");
        Files.writeString(file, "these are not the boxes you are looking for\n".repeat(20));
        IOException e = assertThrows(IOException.class, () -> Mp4File.open(file));
        assertTrue(e.getMessage().startsWith("notes.mp4: "), e.getMessage());
    }

    @Test
    void aReaderThatIsInterruptedDoesNotCloseTheFileForTheOthers() throws Exception {
        MovieBuilder movie = new MovieBuilder();
        movie.sample(IDR).sample(SLICE);
        try (Mp4File mp4 = open(movie)) {
            AtomicReference<Throwable> interrupted = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    mp4.read(0, 0);
                } catch (Throwable t) {
                    interrupted.set(t);
                }
            });
            reader.start();
            reader.join();
            assertTrue(interrupted.get() instanceof IOException, "the interrupted read fails: " + interrupted.get());
            assertEquals(hex(fourByte(SLICE)), hex(mp4.read(0, 1)));
        }
    }

    @Test
    void readingAfterCloseFails() throws IOException {
        MovieBuilder movie = new MovieBuilder();
        movie.sample(IDR);
        Mp4File mp4 = open(movie);
        mp4.close();
        mp4.close();
        assertThrows(IOException.class, () -> mp4.read(0, 0));
    }

    private Mp4File open(MovieBuilder movie) throws IOException {
        Path file = dir.resolve("movie.mp4");
        Files.write(file, movie.build());
        return Mp4File.open(file);
    }

    private static byte[] fourByte(byte[]... units) {
        ByteBuffer out = ByteBuffer.allocate(Arrays.stream(units).mapToInt(u -> u.length + 4).sum());
        for (byte[] unit : units) {
            out.putInt(unit.length).put(unit);
        }
        return out.array();
    }

    private static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }

    private static String hex(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return hex(bytes);
    }
}
