package io.tributary.codecs.mjpeg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.testing.PayloadRoundTrip;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegImageTest {
    private static final byte[] TINY = TestImages.resource(TestImages.TINY);

    @TempDir
    Path work;

    /** Where the segment with {@code marker} starts in {@code jpeg} (its 0xFF). */
    static int segmentAt(byte[] jpeg, int marker) {
        for (int i = 0; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }

    static byte[] patched(byte[] jpeg, int at, int value) {
        byte[] copy = jpeg.clone();
        copy[at] = (byte) value;
        return copy;
    }

    /** {@code jpeg} with {@code bytes} inserted before the segment with {@code marker}. */
    static byte[] inserted(byte[] jpeg, int marker, byte[] bytes) {
        int at = segmentAt(jpeg, marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        out.writeBytes(bytes);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** {@code jpeg} without the {@code length} bytes at {@code at}. */
    static byte[] removed(byte[] jpeg, int at, int length) {
        byte[] shorter = new byte[jpeg.length - length];
        System.arraycopy(jpeg, 0, shorter, 0, at);
        System.arraycopy(jpeg, at + length, shorter, at, jpeg.length - at - length);
        return shorter;
    }

    private static String refusal(byte[] jpeg) {
        return assertThrows(IllegalArgumentException.class, () -> JpegImage.parse(ByteBuffer.wrap(jpeg)))
                .getMessage();
    }

    @Test
    void ffmpegsImageIsReadWithItsSizeTypeTablesAndScan() {
        JpegImage image = JpegImage.parse(ByteBuffer.wrap(TINY));

        JfifHeader header = image.header();
        assertEquals(JfifHeader.TYPE_420, header.type());
        assertEquals(32, header.width());
        assertEquals(16, header.height());
        assertEquals(0, header.restartInterval());
        int dqt = segmentAt(TINY, JpegMarker.DQT);
        assertArrayEquals(Arrays.copyOfRange(TINY, dqt + 5, dqt + 69), header.luma());
        assertArrayEquals(header.luma(), header.chroma(), "ffmpeg quantizes chroma with the luma table");
        int scanStart = segmentAt(TINY, JpegMarker.SOS) + 14;
        assertEquals(ByteBuffer.wrap(TINY, scanStart, TINY.length - 2 - scanStart), image.scan());
    }

    @Test
    void ffmpegsImageIsWrittenBackAsItWasWithoutItsJfifSegment() {
        byte[] written = TestImages.bytes(JpegImage.parse(ByteBuffer.wrap(TINY)).write());

        assertArrayEquals(TestImages.withoutApplicationSegments(TINY), written);
        assertTrue(written.length < TINY.length);
    }

    @Test
    void anImageWithoutHuffmanTablesUsesTheStandardOnesAsCamerasAssume() {
        int dht = segmentAt(TINY, JpegMarker.DHT);
        int length = ((TINY[dht + 2] & 0xFF) << 8) | (TINY[dht + 3] & 0xFF);
        byte[] withoutDht = removed(TINY, dht, 2 + length);

        assertArrayEquals(TestImages.bytes(JpegImage.parse(ByteBuffer.wrap(TINY)).write()),
                TestImages.bytes(JpegImage.parse(ByteBuffer.wrap(withoutDht)).write()));
    }

    @Test
    void restartIntervalsAndCommentsAreReadAndTrailingBytesIgnored() {
        byte[] jpeg = inserted(TINY, JpegMarker.DQT, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 4, 'h', 'i',
            (byte) 0xFF, (byte) 0xDD, 0, 4, 0, 2});
        byte[] trailing = Arrays.copyOf(jpeg, jpeg.length + 3);

        JpegImage image = JpegImage.parse(ByteBuffer.wrap(trailing));

        assertEquals(2, image.header().restartInterval());
        assertEquals(JpegImage.parse(ByteBuffer.wrap(TINY)).scan(), image.scan());
    }

    @Test
    void whatRfc2435CannotCarryIsRefusedSayingWhy() {
        int sof = segmentAt(TINY, JpegMarker.SOF0);
        assertTrue(refusal(patched(TINY, sof + 1, 0xC2)).startsWith("progressive (SOF2)"));
        assertTrue(refusal(patched(TINY, sof + 4, 12)).startsWith("12-bit samples"));
        assertTrue(refusal(patched(TINY, sof + 8, 36)).startsWith("36x16: RTP/JPEG carries sizes in 8-pixel blocks"));
        assertTrue(refusal(patched(patched(TINY, sof + 7, 8), sof + 8, 0)).startsWith("2048x16"));
        assertTrue(refusal(patched(TINY, sof + 11, 0x11)).startsWith("sampling 1x1, 1x1, 1x1"));
        assertTrue(refusal(patched(TINY, sof + 18, 1)).contains("does not define"), "Cr on a missing table");
        int dht = segmentAt(TINY, JpegMarker.DHT);
        String huffman = refusal(patched(TINY, dht + 5 + 16 + 1, 7)); // a symbol of the luma DC table
        assertTrue(huffman.contains("luminance DC Huffman table is not the standard one"), huffman);
        assertTrue(huffman.contains("-huffman default"), huffman);
        assertTrue(refusal(Arrays.copyOf(TINY, TINY.length - 2)).contains("does not end with EOI"));
        assertTrue(refusal(Arrays.copyOf(TINY, 100)).startsWith("segment 0xFF"));
        assertTrue(refusal(new byte[] {1, 2}).startsWith("not a JPEG image"));
        int dqt = segmentAt(TINY, JpegMarker.DQT);
        assertTrue(refusal(patched(TINY, dqt + 4, 0x10)).contains("16-bit entries"));
    }

    @Test
    void ffmpegs422AndOptimalHuffmanTablesAreRefused() throws Exception {
        byte[] ffmpeg422 = TestImages.ffmpeg(work, 1, List.of("-huffman", "default", "-pix_fmt", "yuvj422p"))
                .getFirst();
        assertTrue(refusal(ffmpeg422).startsWith("sampling 2x2, 1x2, 1x2"), "ffmpeg's 4:2:2 is not type 0");
        Path optimal = work.resolve("optimal");
        java.nio.file.Files.createDirectory(optimal);
        byte[] ffmpegDefault = TestImages.ffmpeg(optimal, 1, List.of("-pix_fmt", "yuvj420p")).getFirst();
        assertTrue(refusal(ffmpegDefault).contains("Huffman table is not the standard one"),
                "ffmpeg 5.1 writes optimal tables unless -huffman default");
    }

    /**
     * Whatever a source hands the packetizer: refused with IllegalArgumentException, or an image
     * that reads back the same from its own layout and comes through packetizer and
     * depacketizer in that layout.
     */
    @FuzzTest(maxDuration = "1m")
    void anyBytesAreRefusedWithIllegalArgumentOrComeThroughInTheOneLayout(byte[] data) {
        JpegImage image;
        try {
            image = JpegImage.parse(ByteBuffer.wrap(data));
        } catch (IllegalArgumentException refused) {
            return;
        }
        ByteBuffer written = image.write();
        JpegImage again = JpegImage.parse(written);
        assertEquals(image.header(), again.header());
        assertEquals(image.scan(), again.scan());
        assertTrue(image.scan().hasRemaining());
        TrackDescription track = new TrackDescription(0, MediaType.VIDEO, JpegPayloadFormatTest.JPEG, null, 0, 0, 0);
        List<AccessUnit> relayed = PayloadRoundTrip.relay(new JpegPayloadFormat(), track, 300,
                List.of(new AccessUnit(0, 0, 0, true, ByteBuffer.wrap(data))));
        assertEquals(List.of(written), relayed.stream().map(AccessUnit::dataView).toList());
    }
}
