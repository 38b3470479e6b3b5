package io.tributary.sources.file.internal.mkv;

import static io.tributary.sources.file.internal.mkv.Ebml.block;
import static io.tributary.sources.file.internal.mkv.Ebml.concat;
import static io.tributary.sources.file.internal.mkv.Ebml.element;
import static io.tributary.sources.file.internal.mkv.Ebml.frame;
import static io.tributary.sources.file.internal.mkv.Ebml.track;
import static io.tributary.sources.file.internal.mkv.Ebml.uint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.Encoding;
import io.tributary.sources.file.internal.container.Ffmpeg;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made by hand in the shapes ffmpeg does not write: laced audio (Xiph, EBML, fixed),
 * BlockGroups, unknown-size Clusters, header stripping, legacy AAC ids, cut-off and invalid files.
 */
class HandmadeMatroskaTest {
    private static final int VIDEO = 1;
    private static final int AUDIO = 2;
    private static final int XIPH = 0x02;
    private static final int FIXED = 0x04;
    private static final int EBML_LACING = 0x06;
    private static final int KEY = 0x80;
    private static final int CUES = 0x1C53BB6B;

    @TempDir
    Path dir;

    /**
     * AAC (a legacy id, so ffprobe takes the frames as they are) with a DefaultDuration of 20 ms:
     * three blocks of three frames, one block per lacing.
     */
    private static byte[] lacedAac() {
        byte[] tracks = track(1, AUDIO, "A_AAC/MPEG4/LC", uint(ElementIds.DEFAULT_DURATION, 20_000_000),
                element(ElementIds.AUDIO, uint(ElementIds.CHANNELS, 2),
                        element(ElementIds.SAMPLING_FREQUENCY, ByteBuffer.allocate(4).putFloat(48000).array())));
        byte[] xiph = block(1, 0, KEY | XIPH, new byte[] {2, (byte) 255, 45, 10}, frame(300, 1), frame(10, 2),
                frame(5, 3));
        // EBML lacing: 100 as an unsigned vint, then 50 - 100 = -50 as a signed one (bias 63)
        byte[] ebml = block(1, 60, KEY | EBML_LACING, new byte[] {2, (byte) (0x80 | 100), (byte) (0x80 | 13)},
                frame(100, 4), frame(50, 5), frame(70, 6));
        byte[] fixed = block(1, 120, KEY | FIXED, new byte[] {2}, frame(40, 7), frame(40, 8), frame(40, 9));
        return file(tracks, element(ElementIds.CLUSTER, uint(ElementIds.CLUSTER_TIMESTAMP, 0),
                element(ElementIds.SIMPLE_BLOCK, xiph), element(ElementIds.SIMPLE_BLOCK, ebml),
                element(ElementIds.SIMPLE_BLOCK, fixed)));
    }

    @Test
    void xiphEbmlAndFixedLacingSplitBlocksIntoFramesAtTheDefaultDuration() throws IOException {
        try (MatroskaFile mkv = MatroskaFile.open(write("laced.mka", lacedAac()))) {
            MatroskaTrack aac = mkv.tracks().get(0);
            assertEquals(new Encoding("MPEG4-GENERIC", 48000, 2), aac.format().encoding());
            assertEquals(ByteBuffer.wrap(new byte[] {0x11, (byte) 0x90}), aac.format().codecConfig(),
                    "AAC-LC, 48 kHz, stereo");
            int[] sizes = {300, 10, 5, 100, 50, 70, 40, 40, 40};
            assertEquals(sizes.length, aac.sampleCount());
            for (int i = 0; i < sizes.length; i++) {
                assertArrayEquals(frame(sizes[i], i + 1), mkv.read(0, i).array(), "frame " + i);
                assertEquals(i * 960L, aac.presentationTime(i), "20 ms apart: frame " + i);
                assertEquals(aac.presentationTime(i), aac.decodeTime(i), "audio decodes when it plays");
                assertTrue(aac.isSync(i));
            }
        }
    }

    @Test
    void lacedFramesMatchFfprobe() throws IOException {
        Ffmpeg.assumeInstalled();
        MatroskaFileTest.assertMatchesFfprobe(write("laced.mka", lacedAac()), new long[] {0},
                new Encoding("MPEG4-GENERIC", 48000, 2));
    }

    @Test
    void blockGroupsAreKeyframesWithoutReferenceBlockAndBlockDurationSpreadsLacedFrames() throws IOException {
        byte[] tracks = concat(track(1, VIDEO, "V_VP8"), track(2, AUDIO, "A_OPUS",
                element(ElementIds.CODEC_PRIVATE, Ebml.opusHead())));
        byte[] cluster = element(ElementIds.CLUSTER, uint(ElementIds.CLUSTER_TIMESTAMP, 1000),
                element(ElementIds.BLOCK_GROUP, element(ElementIds.BLOCK, block(1, 0, 0, new byte[0], frame(30, 1)))),
                element(ElementIds.BLOCK_GROUP, element(ElementIds.BLOCK, block(1, 40, 0, new byte[0], frame(20, 2))),
                        element(ElementIds.REFERENCE_BLOCK, new byte[] {(byte) -40})),
                element(ElementIds.BLOCK_GROUP, element(ElementIds.BLOCK, block(2, 0, XIPH, new byte[] {1, 12},
                        frame(12, 3), frame(14, 4))), uint(ElementIds.BLOCK_DURATION, 40)));
        try (MatroskaFile mkv = MatroskaFile.open(write("groups.mkv", file(tracks, cluster)))) {
            MatroskaTrack video = mkv.tracks().get(0);
            assertTrue(video.isSync(0), "no ReferenceBlock: a keyframe");
            assertFalse(video.isSync(1), "ReferenceBlock: not a keyframe");
            assertEquals(90000, video.presentationTime(0), "the Cluster's 1000 ms");
            assertEquals(93600, video.presentationTime(1));
            assertEquals(0, video.seekIndex(93600), "seeking to the second frame starts at the keyframe");
            MatroskaTrack audio = mkv.tracks().get(1);
            assertEquals(48000, audio.presentationTime(0));
            assertEquals(48960, audio.presentationTime(1), "the second half of the 40 ms block");
            assertArrayEquals(frame(14, 4), mkv.read(1, 1).array());
        }
    }

    @Test
    void unknownSizeSegmentAndClustersEndAtTheNextTopLevelElement() throws IOException {
        byte[] tracks = element(ElementIds.TRACKS, track(1, VIDEO, "V_VP9"));
        byte[] data = concat(Ebml.header("webm"), Ebml.unknownSize(ElementIds.SEGMENT,
                element(ElementIds.INFO, uint(ElementIds.TIMESTAMP_SCALE, 1_000_000)), tracks,
                Ebml.unknownSize(ElementIds.CLUSTER, uint(ElementIds.CLUSTER_TIMESTAMP, 0),
                        element(ElementIds.SIMPLE_BLOCK, block(1, 0, KEY, new byte[0], frame(10, 1))),
                        element(ElementIds.SIMPLE_BLOCK, block(1, 40, 0, new byte[0], frame(11, 2)))),
                Ebml.unknownSize(ElementIds.CLUSTER, uint(ElementIds.CLUSTER_TIMESTAMP, 80),
                        element(ElementIds.SIMPLE_BLOCK, block(1, 0, KEY, new byte[0], frame(12, 3)))),
                element(CUES, element(ElementIds.VOID, new byte[3]))));
        try (MatroskaFile webm = MatroskaFile.open(write("live.webm", data))) {
            MatroskaTrack video = webm.tracks().get(0);
            assertEquals(3, video.sampleCount(), "the Cues end the second Cluster");
            assertEquals(7200, video.presentationTime(2));
            assertEquals(2, video.seekIndex(7200));
            assertArrayEquals(frame(12, 3), webm.read(0, 2).array());
            assertEquals(10800, video.duration().toMillis() * 90, "no Duration: the last frame plus the spacing");
        }
    }

    @Test
    void lacedFramesWithoutDurationSpreadToTheNextBlock() throws IOException {
        byte[] tracks = track(1, AUDIO, "A_OPUS", element(ElementIds.CODEC_PRIVATE, Ebml.opusHead()));
        byte[] cluster = element(ElementIds.CLUSTER, uint(ElementIds.CLUSTER_TIMESTAMP, 0),
                element(ElementIds.SIMPLE_BLOCK, block(1, 0, KEY | FIXED, new byte[] {1}, frame(8, 1), frame(8, 2))),
                element(ElementIds.SIMPLE_BLOCK, block(1, 40, KEY, new byte[0], frame(8, 3))));
        try (MatroskaFile mka = MatroskaFile.open(write("spread.mka", file(tracks, cluster)))) {
            MatroskaTrack opus = mka.tracks().get(0);
            assertEquals(0, opus.presentationTime(0));
            assertEquals(960, opus.presentationTime(1));
            assertEquals(1920, opus.presentationTime(2));
        }
    }

    @Test
    void headerStrippingPutsTheStrippedBytesBack() throws IOException {
        byte[] encodings = element(ElementIds.CONTENT_ENCODINGS, element(ElementIds.CONTENT_ENCODING,
                element(ElementIds.CONTENT_COMPRESSION, uint(ElementIds.CONTENT_COMP_ALGO, 3),
                        element(ElementIds.CONTENT_COMP_SETTINGS, new byte[] {9, 8, 7}))));
        byte[] cluster = element(ElementIds.CLUSTER, uint(ElementIds.CLUSTER_TIMESTAMP, 0),
                element(ElementIds.SIMPLE_BLOCK, block(1, 0, KEY, new byte[0], frame(5, 1))));
        try (MatroskaFile mkv = MatroskaFile.open(write("stripped.mkv", file(track(1, VIDEO, "V_VP8", encodings),
                cluster)))) {
            assertArrayEquals(concat(new byte[] {9, 8, 7}, frame(5, 1)), mkv.read(0, 0).array());
        }
        byte[] zlib = element(ElementIds.CONTENT_ENCODINGS, element(ElementIds.CONTENT_ENCODING,
                element(ElementIds.CONTENT_COMPRESSION, uint(ElementIds.CONTENT_COMP_ALGO, 0))));
        IOException e = assertThrows(IOException.class, () -> MatroskaFile.open(write("zlib.mkv",
                file(track(1, VIDEO, "V_VP8", zlib), cluster))));
        assertTrue(e.getMessage().contains("no playable track") && e.getMessage().contains("V_VP8"), e.getMessage());
    }

    @Test
    void legacyHeAacIdGetsAnExplicitSbrAudioSpecificConfig() throws IOException {
        byte[] tracks = track(1, AUDIO, "A_AAC/MPEG4/LC/SBR", element(ElementIds.AUDIO,
                element(ElementIds.SAMPLING_FREQUENCY, ByteBuffer.allocate(4).putFloat(24000).array()),
                uint(ElementIds.CHANNELS, 2)));
        byte[] cluster = element(ElementIds.CLUSTER, uint(ElementIds.CLUSTER_TIMESTAMP, 0),
                element(ElementIds.SIMPLE_BLOCK, block(1, 0, KEY, new byte[0], frame(5, 1))));
        try (MatroskaFile mka = MatroskaFile.open(write("he-aac.mka", file(tracks, cluster)))) {
            var format = mka.tracks().get(0).format();
            assertEquals(new Encoding("MPEG4-GENERIC", 48000, 2), format.encoding(), "SBR doubles the rate");
            byte[] asc = new byte[format.codecConfig().remaining()];
            format.codecConfig().get(asc);
            assertArrayEquals(new byte[] {0x13, 0x10, 0x56, (byte) 0xE5, (byte) 0x98}, asc);
        }
    }

    @Test
    void aFileCutInsideAClusterKeepsItsCompleteFrames() throws IOException {
        byte[] data = file(track(1, VIDEO, "V_VP8"), element(ElementIds.CLUSTER,
                uint(ElementIds.CLUSTER_TIMESTAMP, 0),
                element(ElementIds.SIMPLE_BLOCK, block(1, 0, KEY, new byte[0], frame(100, 1))),
                element(ElementIds.SIMPLE_BLOCK, block(1, 40, 0, new byte[0], frame(100, 2))),
                element(ElementIds.SIMPLE_BLOCK, block(1, 80, 0, new byte[0], frame(100, 3)))));
        try (MatroskaFile mkv = MatroskaFile.open(write("cut.mkv", Arrays.copyOf(data, data.length - 50)))) {
            assertEquals(2, mkv.tracks().get(0).sampleCount(), "the cut-off third frame is left out");
        }
    }

    @Test
    void otherDocTypesAndFilesWithoutPlayableTracksAreRefusedWithTheReason() throws IOException {
        byte[] cluster = element(ElementIds.CLUSTER, uint(ElementIds.CLUSTER_TIMESTAMP, 0),
                element(ElementIds.SIMPLE_BLOCK, block(1, 0, KEY, new byte[0], frame(5, 1))));
        byte[] other = concat(Ebml.header("foo"), Arrays.copyOfRange(file(track(1, VIDEO, "V_VP8"), cluster),
                Ebml.header("matroska").length, file(track(1, VIDEO, "V_VP8"), cluster).length));
        IOException docType = assertThrows(IOException.class, () -> MatroskaFile.open(write("foo.mkv", other)));
        assertTrue(docType.getMessage().contains("DocType 'foo'"), docType.getMessage());
        IOException theora = assertThrows(IOException.class,
                () -> MatroskaFile.open(write("theora.mkv", file(track(1, VIDEO, "V_THEORA"), cluster))));
        assertTrue(theora.getMessage().contains("1: V_THEORA"), theora.getMessage());
        IOException early = assertThrows(IOException.class, () -> MatroskaFile.open(write("early.mkv",
                concat(Ebml.header("matroska"), element(ElementIds.SEGMENT, cluster)))));
        assertTrue(early.getMessage().contains("before the Tracks"), early.getMessage());
    }

    /** A file with a 1 ms TimestampScale, the given track entries and Clusters. */
    private static byte[] file(byte[] trackEntries, byte[]... clusters) {
        return concat(Ebml.header("matroska"), element(ElementIds.SEGMENT,
                element(ElementIds.INFO, uint(ElementIds.TIMESTAMP_SCALE, 1_000_000)),
                element(ElementIds.TRACKS, trackEntries), concat(clusters)));
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }
}
