package io.tributary.codecs.mjpeg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.testing.RtpPackets;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpegDepacketizerTest {
    private static final byte[] SCAN = {0x12, 0x34, (byte) 0xFF, 0x00, 0x56, (byte) 0xFF, (byte) 0xD0, 0x78};
    private final JpegDepacketizer depacketizer = new JpegDepacketizer(2, 1 << 20);

    /** A payload: main header (type-specific 0), optional quantization table header, data. */
    private static ByteBuffer payload(int offset, int type, int q, byte[] tableHeader, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, (byte) (offset >> 16), (byte) (offset >> 8), (byte) offset, (byte) type,
            (byte) q, 4, 2});
        if (JpegPayloadHeader.hasRestartHeader(type)) {
            out.writeBytes(new byte[] {0, 5, (byte) 0xFF, (byte) 0xFF});
        }
        out.writeBytes(tableHeader);
        out.writeBytes(data);
        return ByteBuffer.wrap(out.toByteArray());
    }

    private static byte[] tableHeader(int length, int fill) {
        byte[] header = new byte[4 + length];
        header[3] = (byte) length;
        Arrays.fill(header, 4, header.length, (byte) fill);
        return header;
    }

    private List<AccessUnit> push(int sequence, long time, boolean marker, ByteBuffer payload) {
        return depacketizer.push(RtpPackets.packet(sequence, time, marker, payload));
    }

    private static byte[] expected(int type, int restartInterval, byte[] luma, byte[] chroma, byte[] scan) {
        return TestImages.bytes(new JpegImage(new JfifHeader(type, 32, 16, restartInterval, luma, chroma),
                ByteBuffer.wrap(scan)).write());
    }

    @Test
    void aQFactorStandsForTheScaledStandardTablesInZigZagOrder() {
        byte[] q50 = QuantizationTables.forQ(50);
        assertArrayEquals(new byte[] {16, 11, 12, 14, 12, 10, 16, 14}, Arrays.copyOf(q50, 8), "K.1 at Q 50");
        assertArrayEquals(new byte[] {17, 18, 18, 24, 21, 24, 47, 26}, Arrays.copyOfRange(q50, 64, 72), "K.2");
        assertEquals(8, QuantizationTables.forQ(75)[0], "(16 * 50 + 50) / 100");
        assertEquals((byte) 255, QuantizationTables.forQ(1)[63], "limited to 255");
        assertEquals(1, QuantizationTables.forQ(99)[0], "at least 1");

        List<AccessUnit> units = push(1, 3000, true, payload(0, 1, 50, new byte[0], SCAN));

        assertEquals(1, units.size());
        assertArrayEquals(expected(1, 0, Arrays.copyOf(q50, 64), Arrays.copyOfRange(q50, 64, 128), SCAN),
                TestImages.bytes(units.getFirst()));
        assertTrue(units.getFirst().keyframe());
        assertEquals(2, units.getFirst().track());
        assertEquals(3000, units.getFirst().presentationTime());
    }

    @Test
    void fragmentsAreJoinedByOffsetWithTheInBandTablesAndTheRestartInterval() {
        byte[] tables = tableHeader(128, 7);
        Arrays.fill(tables, 68, 132, (byte) 9);
        assertEquals(List.of(), push(1, 0, false, payload(0, 64, 255, tables, Arrays.copyOf(SCAN, 3))));
        List<AccessUnit> units = push(2, 0, true, payload(3, 64, 255, new byte[0], Arrays.copyOfRange(SCAN, 3, 8)));

        byte[] luma = new byte[64];
        byte[] chroma = new byte[64];
        Arrays.fill(luma, (byte) 7);
        Arrays.fill(chroma, (byte) 9);
        assertArrayEquals(expected(0, 5, luma, chroma, SCAN), TestImages.bytes(units.getFirst()));
        assertEquals(0, depacketizer.droppedUnits());
    }

    @Test
    void oneTableInBandServesLumaAndChromaAsFfmpegSendsIt() {
        List<AccessUnit> units = push(1, 0, true, payload(0, 1, 255, tableHeader(64, 3), SCAN));

        byte[] table = new byte[64];
        Arrays.fill(table, (byte) 3);
        byte[] image = TestImages.bytes(units.getFirst());
        assertArrayEquals(expected(1, 0, table, table, SCAN), image);
        assertEquals(2 + 65, image[5], "one table in the DQT segment");
    }

    @Test
    void tablesOfAQBelow255AreRememberedAndThoseOf255AreNot() {
        push(1, 0, true, payload(0, 1, 200, tableHeader(128, 4), SCAN));
        List<AccessUnit> again = push(2, 3000, true, payload(0, 1, 200, tableHeader(0, 0), SCAN));
        assertEquals(1, again.size(), "Q 200 without tables: the last ones of Q 200");
        assertEquals(List.of(), push(3, 6000, true, payload(0, 1, 201, tableHeader(0, 0), SCAN)), "none yet");
        assertEquals(List.of(), push(4, 9000, true, payload(0, 1, 255, tableHeader(0, 0), SCAN)));
        assertEquals(2, depacketizer.droppedUnits());
    }

    @Test
    void aLostPacketDropsItsFrameAndTheNextOffsetZeroStartsAgain() {
        push(1, 0, false, payload(0, 1, 50, new byte[0], Arrays.copyOf(SCAN, 3)));
        assertEquals(List.of(), push(3, 0, true, payload(6, 1, 50, new byte[0], Arrays.copyOfRange(SCAN, 6, 8))));
        assertEquals(1, depacketizer.droppedUnits(), "sequence gap");

        push(4, 3000, false, payload(0, 1, 50, new byte[0], Arrays.copyOf(SCAN, 3)));
        assertEquals(List.of(), push(5, 3000, true, payload(4, 1, 50, new byte[0], Arrays.copyOfRange(SCAN, 4, 8))));
        assertEquals(2, depacketizer.droppedUnits(), "offsets leave a gap");

        push(6, 6000, false, payload(0, 1, 50, new byte[0], Arrays.copyOf(SCAN, 3)));
        List<AccessUnit> next = push(7, 9000, true, payload(0, 1, 50, new byte[0], SCAN));
        assertEquals(3, depacketizer.droppedUnits(), "the timestamp changed before the marker");
        assertEquals(1, next.size(), "the next frame comes whole");
        assertEquals(9000, next.getFirst().presentationTime());

        assertEquals(List.of(), push(8, 12000, true, payload(3, 1, 50, new byte[0], SCAN)), "no start");
        assertEquals(4, depacketizer.droppedUnits());
        assertEquals(1, push(9, 15000, true, payload(0, 1, 50, new byte[0], SCAN)).size());
    }

    @Test
    void malformedOrUnsupportedFramesAreDropped() {
        byte[] endsEarly = {1, (byte) 0xFF, (byte) 0xD9, 2};
        assertEquals(List.of(), push(1, 0, true, payload(0, 1, 50, new byte[0], endsEarly)), "EOI in the data");
        push(2, 3000, false, payload(0, 1, 50, new byte[0], new byte[] {1, (byte) 0xFF}));
        assertEquals(List.of(), push(3, 3000, true, payload(2, 1, 50, new byte[0], new byte[] {(byte) 0xC4})),
                "a marker across packets");
        assertEquals(List.of(), push(4, 6000, true, payload(0, 2, 50, new byte[0], SCAN)), "type 2");
        assertEquals(List.of(), push(5, 9000, true, payload(0, 1, 100, new byte[0], SCAN)), "reserved Q");
        byte[] sixteenBit = tableHeader(128, 1);
        sixteenBit[1] = 1;
        assertEquals(List.of(), push(6, 12000, true, payload(0, 1, 255, sixteenBit, SCAN)), "16-bit table");
        assertEquals(List.of(), push(7, 15000, true, ByteBuffer.wrap(new byte[5])), "short header");
        push(8, 18000, false, payload(0, 1, 50, new byte[0], SCAN));
        assertEquals(List.of(), push(9, 18000, true, payload(8, 1, 60, new byte[0], SCAN)), "Q changed");
        assertEquals(List.of(), push(10, 21000, true, payload(0, 1, 50, new byte[0], new byte[0])), "no data");
        assertEquals(8, depacketizer.droppedUnits());
        assertEquals(1, push(11, 24000, true, payload(0, 1, 50, new byte[0], SCAN)).size());
    }

    @Test
    void aFrameBeyondTheBoundIsDropped() {
        JpegDepacketizer bounded = new JpegDepacketizer(0, 1000);
        byte[] big = new byte[600];
        bounded.push(RtpPackets.packet(1, 0, false, payload(0, 1, 50, new byte[0], big)));
        assertEquals(List.of(), bounded.push(RtpPackets.packet(2, 0, true, payload(600, 1, 50, new byte[0], big))));
        assertEquals(1, bounded.droppedUnits());
    }

    @FuzzTest(maxDuration = "1m")
    void anyPacketsNeverThrowAndYieldOnlyImagesThatAreWellFormed(byte[] data) {
        JpegDepacketizer fuzzed = new JpegDepacketizer(0, 64 * 1024);
        for (RtpPacket packet : RtpPackets.script(data, 3000)) {
            for (AccessUnit unit : fuzzed.push(packet)) {
                assertTrue(unit.data().remaining() <= 64 * 1024);
                JpegImage image = JpegImage.parse(unit.dataView()); // throws when malformed
                assertEquals(unit.dataView(), image.write(), "in the one layout");
            }
        }
    }
}
