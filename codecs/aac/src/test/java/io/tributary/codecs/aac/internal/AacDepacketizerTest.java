package io.tributary.codecs.aac.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.testing.RtpPackets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AacDepacketizerTest {
    private final AacDepacketizer depacketizer = new AacDepacketizer(1, 1024);
    private int sequence = 7;

    @Test
    void aPacketWithSeveralUnitsYieldsThemOneFrameApart() {
        List<AccessUnit> units = push("0030" + "0008" + "0010" + "0008" + "aa" + "bbcc" + "dd", 5000, true);

        assertEquals(3, units.size());
        assertEquals(List.of(5000L, 6024L, 7048L), units.stream().map(AccessUnit::presentationTime).toList());
        assertArrayEquals(new byte[] {(byte) 0xBB, (byte) 0xCC}, bytes(units.get(1)));
        assertEquals(1, units.get(2).track());
        assertTrue(units.stream().allMatch(AccessUnit::keyframe));
    }

    @Test
    void unitTimesWrapLikeRtpTimestamps() {
        List<AccessUnit> units = push("0020" + "0008" + "0008" + "aabb", 0xFFFF_FF00L, true);

        assertEquals(0xFFFF_FF00L, units.get(0).presentationTime());
        assertEquals(0x300L, units.get(1).presentationTime());
    }

    @Test
    void fragmentsAreJoinedIntoTheWholeUnit() {
        assertEquals(List.of(), push("0010" + "0020" + "0102", 0, false));
        List<AccessUnit> units = push("0010" + "0020" + "0304", 0, true);

        assertEquals(1, units.size());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, bytes(units.getFirst()));
    }

    @Test
    void lossInsideAFragmentedUnitDropsExactlyThatUnitAndTheNextIsIntact() {
        AacPacketizer packetizer = new AacPacketizer(100);
        List<RtpPacket> packets = new ArrayList<>(RtpPackets.wrap(packetizer.packetize(unit(new byte[500])), 0, 0));
        packets.remove(2);
        byte[] next = new byte[300];
        next[299] = 42;
        packets.addAll(RtpPackets.wrap(packetizer.packetize(unit(next)), 7, 1024));

        List<AccessUnit> received = new ArrayList<>();
        packets.forEach(packet -> received.addAll(depacketizer.push(packet)));

        assertEquals(1, depacketizer.droppedUnits());
        assertEquals(1, received.size());
        assertEquals(1024, received.getFirst().presentationTime());
        assertArrayEquals(next, bytes(received.getFirst()));
    }

    @Test
    void aMarkerBeforeTheUnitIsWholeDropsIt() {
        push("0010" + "0020" + "0102", 0, false);

        assertEquals(List.of(), push("0010" + "0020" + "03", 0, true));
        assertEquals(1, depacketizer.droppedUnits());
        assertEquals(1, push("0010" + "0008" + "ff", 1024, true).size());
    }

    @Test
    void fragmentsDisagreeingOnTheUnitSizeDropIt() {
        push("0010" + "0020" + "0102", 0, false);

        assertEquals(List.of(), push("0010" + "0030" + "03", 0, true));
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void sizesOverrunningThePayloadDropTheUnitsTheyAnnounce() {
        assertEquals(List.of(), push("0020" + "0010" + "0010" + "aabbcc", 0, true));
        assertEquals(2, depacketizer.droppedUnits());
    }

    @Test
    void headerSectionsThatAreNotWholeHeadersAreDropped() {
        assertEquals(List.of(), push("", 0, true));
        assertEquals(List.of(), push("000d" + "0008aa", 1024, true));
        assertEquals(List.of(), push("0000" + "aa", 2048, true));
        assertEquals(List.of(), push("0040" + "0008", 3072, true));
        assertEquals(4, depacketizer.droppedUnits());
    }

    @Test
    void aRepeatedPacketIsIgnoredNotTakenForLossOrNewUnits() {
        String twoUnits = "0020" + "0008" + "0008" + "aabb";
        assertEquals(2, push(twoUnits, 0, true).size());
        sequence--;

        assertEquals(List.of(), push(twoUnits, 0, true));
        assertEquals(1, push("0010" + "0008" + "cc", 2048, true).size());
        assertEquals(0, depacketizer.droppedUnits());
    }

    @Test
    void aLateFragmentIsIgnoredAndTheUnitItBelongedToStaysDropped() {
        push("0010" + "0020" + "0102", 0, false);
        sequence++;
        assertEquals(List.of(), push("0010" + "0020" + "04", 0, true));
        sequence -= 2;

        assertEquals(List.of(), push("0010" + "0020" + "03", 0, false));
        sequence++;
        assertEquals(1, push("0010" + "0008" + "ff", 1024, true).size());
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void unitsAreCopiesThatOutliveThePacketBuffers() {
        byte[] payload = HexFormat.of().parseHex("0010" + "0018" + "010203");
        AccessUnit unit = depacketizer.push(RtpPackets.packet(0, 0, true, ByteBuffer.wrap(payload))).getFirst();

        Arrays.fill(payload, (byte) 0);

        assertArrayEquals(new byte[] {1, 2, 3}, bytes(unit));
    }

    @FuzzTest
    void anyPacketsNeverThrowAndYieldOnlyUnitsAnAuSizeCanSay(byte[] data) {
        AacDepacketizer fuzzed = new AacDepacketizer(0, 1024);
        for (RtpPacket packet : RtpPackets.script(data, 1024)) {
            for (AccessUnit unit : fuzzed.push(packet)) {
                int size = unit.data().remaining();
                assertTrue(size <= AacHbr.MAX_UNIT_SIZE, "unit of " + size + " bytes");
                assertTrue(unit.presentationTime() >= 0 && unit.presentationTime() <= 0xFFFF_FFFFL);
            }
        }
    }

    private List<AccessUnit> push(String hex, long timestamp, boolean marker) {
        ByteBuffer payload = ByteBuffer.wrap(HexFormat.of().parseHex(hex));
        return depacketizer.push(RtpPackets.packet(sequence++, timestamp, marker, payload));
    }

    private static AccessUnit unit(byte[] data) {
        return AacPacketizerTest.unit(data);
    }

    static byte[] bytes(AccessUnit unit) {
        ByteBuffer data = unit.dataView();
        byte[] out = new byte[data.remaining()];
        data.get(out);
        return out;
    }
}
