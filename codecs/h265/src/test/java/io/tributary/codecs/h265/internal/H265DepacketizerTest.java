package io.tributary.codecs.h265.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.payload.nal.NalDepacketizer;
import io.tributary.api.payload.nal.NalUnits;
import io.tributary.api.testing.RtpPackets;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class H265DepacketizerTest {
    private final H265Depacketizer depacketizer = new H265Depacketizer(1, NalDepacketizer.DEFAULT_MAX_UNIT_SIZE);

    private List<AccessUnit> push(int sequence, String hex, boolean marker) {
        return depacketizer.push(RtpPackets.packet(sequence, 9000, marker,
                ByteBuffer.wrap(HexFormat.of().parseHex(hex))));
    }

    private static String hex(AccessUnit unit) {
        byte[] bytes = new byte[unit.data().remaining()];
        unit.dataView().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void anAggregationPacketGivesItsNalUnits() {
        // AP header 6001, then 0003 "4001 0c" (VPS) and 0004 "2601 8011" (IDR_W_RADL slice)
        List<AccessUnit> units = push(1, "6001" + "0003" + "40010c" + "0004" + "26018011", true);

        assertEquals(1, units.size());
        assertEquals("00000003" + "40010c" + "00000004" + "26018011", hex(units.getFirst()));
        assertTrue(units.getFirst().keyframe());
        assertEquals(1, units.getFirst().track());
    }

    @Test
    void fragmentsAreJoinedUnderTheNalUnitsOwnHeader() {
        assertEquals(List.of(), push(1, "6201" + "93" + "80aa", false)); // FU start, type 19
        assertEquals(List.of(), push(2, "6201" + "13" + "bbcc", false));
        List<AccessUnit> units = push(3, "6201" + "53" + "dd", true); // end

        assertEquals("00000007" + "2601" + "80aabbccdd", hex(units.getFirst()));
        assertTrue(units.getFirst().keyframe());
        assertEquals(0, depacketizer.droppedUnits());
    }

    @Test
    void aFragmentWithoutItsStartOrAPaciPacketDropsTheUnitAndReservedTypesAreIgnored() {
        assertEquals(List.of(), push(1, "6201" + "13" + "bbcc", true), "continuation without a start");
        assertEquals(1, depacketizer.droppedUnits());
        depacketizer.push(RtpPackets.packet(2, 12000, true, ByteBuffer.wrap(HexFormat.of().parseHex("6401aabb"))));
        assertEquals(2, depacketizer.droppedUnits(), "PACI is not supported");
        List<AccessUnit> units = depacketizer.push(RtpPackets.packet(3, 15000, true,
                ByteBuffer.wrap(HexFormat.of().parseHex("5201ff" ))));
        assertEquals(List.of(), units, "type 41 is reserved: ignored, nothing to emit");
        assertEquals(2, depacketizer.droppedUnits());
    }

    @Test
    void aUnitThatEndsInsideAFragmentIsDropped() {
        push(1, "6201" + "81" + "80aa", false); // FU start, type 1
        assertEquals(List.of(), push(2, "0201" + "80", true));
        assertEquals(1, depacketizer.droppedUnits());
    }

    @FuzzTest
    void anyPacketsNeverThrowAndYieldOnlyWellFormedUnits(byte[] data) {
        H265Depacketizer fuzzed = new H265Depacketizer(0, 64 * 1024);
        for (RtpPacket packet : RtpPackets.script(data, 3000)) {
            for (AccessUnit unit : fuzzed.push(packet)) {
                assertTrue(unit.data().remaining() <= 64 * 1024);
                assertTrue(NalUnits.split(unit.dataView()).stream().allMatch(nal -> nal.remaining() > 2),
                        "every NAL unit has its 2-byte header and more");
            }
        }
    }
}
