package io.tributary.codecs.h264.internal;

import static io.tributary.codecs.h264.internal.Fixtures.bytes;
import static io.tributary.codecs.h264.internal.Fixtures.nal;
import static io.tributary.codecs.h264.internal.Fixtures.slice;
import static io.tributary.codecs.h264.internal.Fixtures.unit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.payload.nal.NalUnits;
import io.tributary.api.testing.RtpPackets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class H264DepacketizerTest {
    private final H264Depacketizer depacketizer = new H264Depacketizer(2, H264Depacketizer.DEFAULT_MAX_UNIT_SIZE);
    private int sequence = 100;

    @Test
    void aSingleNalUnitPacketWithTheMarkerIsOneAccessUnitOfTheTrack() {
        byte[] slice = nal(0x41, 30, 1);

        List<AccessUnit> units = push(slice, 1000, true);

        assertEquals(1, units.size());
        AccessUnit unit = units.getFirst();
        assertEquals(2, unit.track());
        assertEquals(1000, unit.presentationTime());
        assertEquals(1000, unit.decodeTime());
        assertFalse(unit.keyframe());
        assertArrayEquals(bytes(Fixtures.avcc(slice)), bytes(unit.dataView()));
    }

    @Test
    void aUnitWithoutMarkerEndsWhenTheTimestampChanges() {
        byte[] first = nal(0x41, 30, 1);
        byte[] second = nal(0x41, 40, 2);

        assertEquals(List.of(), push(first, 1000, false));
        List<AccessUnit> units = push(second, 4000, true);

        assertEquals(2, units.size());
        assertArrayEquals(bytes(Fixtures.avcc(first)), bytes(units.get(0).dataView()));
        assertEquals(4000, units.get(1).presentationTime());
        assertArrayEquals(bytes(Fixtures.avcc(second)), bytes(units.get(1).dataView()));
    }

    @Test
    void aUnitHoldingAnIdrSliceIsAKeyframe() {
        push(nal(0x67, 10, 1), 0, false);
        push(nal(0x68, 4, 2), 0, false);

        assertTrue(push(nal(0x65, 100, 3), 0, true).getFirst().keyframe());
    }

    @Test
    void lossInsideAFuADropsExactlyThatUnitAndTheNextIsIntact() {
        H264Packetizer packetizer = new H264Packetizer(500, List.of());
        AccessUnit damaged = unit(0, true, nal(0x65, 3000, 1));
        AccessUnit next = unit(3000, false, nal(0x41, 2000, 2));
        List<RtpPacket> packets = new ArrayList<>(RtpPackets.wrap(packetizer.packetize(damaged), 0, 0));
        packets.remove(3);
        packets.addAll(RtpPackets.wrap(packetizer.packetize(next), 7, 3000));

        List<AccessUnit> received = new ArrayList<>();
        packets.forEach(packet -> received.addAll(depacketizer.push(packet)));

        assertEquals(1, depacketizer.droppedUnits());
        H264RoundTripTest.assertSameUnits(List.of(next), received);
    }

    @Test
    void lossOfTheMarkerPacketDropsTheUnitItEnded() {
        push(nal(0x41, 30, 1), 0, false);
        sequence++;

        List<AccessUnit> units = push(slice(0x41, 40, 2, true), 3000, true);

        assertEquals(1, units.size());
        assertEquals(3000, units.getFirst().presentationTime());
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void theUnitAfterAWholeLostUnitIsKeptWhenItsFirstSliceStartsThePicture() {
        push(slice(0x41, 30, 1, true), 0, true);
        sequence++;
        byte[] sps = nal(0x67, 10, 2);
        byte[] idr = slice(0x65, 50, 3, true);

        push(sps, 6000, false);
        List<AccessUnit> units = push(idr, 6000, true);

        assertEquals(1, units.size());
        assertArrayEquals(bytes(Fixtures.avcc(sps, idr)), bytes(units.getFirst().dataView()));
        assertEquals(0, depacketizer.droppedUnits());
    }

    @Test
    void aUnitWhoseFirstSlicesWereLostIsDropped() {
        push(slice(0x41, 30, 1, true), 0, true);
        sequence++;

        assertEquals(List.of(), push(slice(0x41, 30, 2, false), 3000, true));
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void aUnitWhoseFirstSliceLostItsFuAStartIsDroppedAndTheNextKept() {
        push(slice(0x41, 30, 1, true), 0, true);
        sequence++;
        byte[] laterSlice = slice(0x65, 30, 2, false);
        byte[] fuStart = new byte[laterSlice.length + 1];
        fuStart[0] = 0x7C;
        fuStart[1] = (byte) 0x85;
        System.arraycopy(laterSlice, 1, fuStart, 2, laterSlice.length - 1);

        assertEquals(List.of(), push(fuStart, 3000, true));
        assertEquals(1, push(slice(0x41, 30, 3, false), 6000, true).size());
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void aRepeatedPacketIsIgnoredNotTakenForLoss() {
        byte[] first = nal(0x41, 30, 1);
        push(first, 0, false);
        sequence--;
        push(first, 0, false);

        List<AccessUnit> units = push(nal(0x01, 20, 2), 0, true);

        assertEquals(0, depacketizer.droppedUnits());
        assertArrayEquals(bytes(Fixtures.avcc(first, nal(0x01, 20, 2))), bytes(units.getFirst().dataView()));
    }

    @Test
    void aLatePacketIsIgnoredAfterTheLossItSeemedToBe() {
        push(nal(0x41, 30, 1), 0, false);
        sequence++;
        push(nal(0x01, 30, 2), 0, true);
        sequence -= 2;
        assertEquals(List.of(), push(nal(0x01, 30, 3), 0, false));
        sequence += 1;

        List<AccessUnit> next = push(slice(0x41, 30, 4, false), 3000, true);

        assertEquals(1, next.size(), "in sequence again: no gap before this packet");
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void parameterSetsSeiAndIdrSentInBandAsStapAAndFuAAreOneKeyframe() {
        byte[] sps = Fixtures.SPS;
        byte[] pps = Fixtures.PPS;
        byte[] sei = nal(0x06, 40, 1);
        byte[] idr = slice(0x65, 3000, 2, true);
        List<ByteBuffer> payloads = new H264Packetizer(1400, List.of()).packetize(unit(0, true, sps, pps, sei, idr));
        assertEquals(24, payloads.getFirst().get(0) & 0x1F, "the test needs a STAP-A first");

        List<AccessUnit> units = new ArrayList<>();
        RtpPackets.wrap(payloads, 0, 90_000).forEach(packet -> units.addAll(depacketizer.push(packet)));

        assertEquals(1, units.size());
        assertTrue(units.getFirst().keyframe());
        assertArrayEquals(bytes(Fixtures.avcc(sps, pps, sei, idr)), bytes(units.getFirst().dataView()));
    }

    @Test
    void unitsAreCopiesThatOutliveThePacketBuffers() {
        byte[] payload = nal(0x41, 30, 1);
        byte[] original = payload.clone();

        AccessUnit unit = push(payload, 0, true).getFirst();
        Arrays.fill(payload, (byte) 0);

        assertArrayEquals(bytes(Fixtures.avcc(original)), bytes(unit.dataView()));
    }

    @Test
    void timesAreTheUnsignedRtpTimestamp() {
        AccessUnit unit = push(nal(0x41, 10, 1), 0xFFFF_FFF0L, true).getFirst();

        assertEquals(0xFFFF_FFF0L, unit.presentationTime());
        assertEquals(0xFFFF_FFF0L, unit.decodeTime());
    }

    @Test
    void aFragmentWithoutItsStartDropsTheUnit() {
        byte[] middle = {0x7C, 0x05, 1, 2, 3};

        assertEquals(List.of(), push(middle, 0, true));
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void aUnitEndingInsideAFragmentedNalUnitIsDropped() {
        push(new byte[] {0x7C, (byte) 0x85, 1, 2, 3}, 0, false);

        assertEquals(List.of(), push(new byte[] {0x7C, 0x05, 4}, 0, true));
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void sequenceNumbersWrapWithoutAGap() {
        sequence = 65_535;
        push(nal(0x41, 30, 1), 0, false);

        assertEquals(1, push(nal(0x41, 30, 2), 0, true).size());
        assertEquals(0, depacketizer.droppedUnits());
    }

    @Test
    void stapBMtapAndFuBAreCountedAndSkipped() {
        for (int type : new int[] {25, 26, 27, 29}) {
            assertEquals(List.of(), push(new byte[] {(byte) (0x60 | type), 0, 4, 0x41, 1, 2, 3}, type, true));
        }
        assertEquals(4, depacketizer.droppedUnits());

        assertEquals(1, push(nal(0x41, 10, 1), 99, true).size());
    }

    @Test
    void packetsOfUndefinedTypesAreIgnoredWithoutHarmingTheUnit() {
        byte[] slice = nal(0x41, 10, 1);
        push(new byte[] {0x00, 1}, 0, false);
        push(slice, 0, false);
        push(new byte[] {0x1E, 1}, 0, false);

        List<AccessUnit> units = push(new byte[] {0x1F}, 0, true);

        assertEquals(1, units.size());
        assertArrayEquals(bytes(Fixtures.avcc(slice)), bytes(units.getFirst().dataView()));
        assertEquals(0, depacketizer.droppedUnits());
    }

    @Test
    void aStapAWhoseSizesOverrunThePayloadIsDropped() {
        assertEquals(List.of(), push(new byte[] {0x78, 0, 9, 0x41, 1}, 0, true));
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void anEmptyPayloadIsDroppedNotThrown() {
        assertEquals(List.of(), push(new byte[0], 0, true));
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void aUnitGrowingPastTheBoundIsDropped() {
        H264Depacketizer bounded = new H264Depacketizer(0, 1000);
        List<RtpPacket> packets = RtpPackets.wrap(new H264Packetizer(400, List.of())
                .packetize(unit(0, false, nal(0x41, 997, 1))), 0, 0);
        List<AccessUnit> received = new ArrayList<>();
        packets.forEach(packet -> received.addAll(bounded.push(packet)));
        assertEquals(List.of(), received);
        assertEquals(1, bounded.droppedUnits());

        ByteBuffer largest = ByteBuffer.wrap(nal(0x41, 996, 2));
        List<AccessUnit> fits = bounded.push(RtpPackets.packet(packets.size(), 3000, true, largest));
        assertEquals(1000, fits.getFirst().data().remaining());
    }

    @FuzzTest
    void anyPacketsNeverThrowAndYieldOnlyBoundedWellFormedUnits(byte[] data) {
        int bound = 4096;
        H264Depacketizer fuzzed = new H264Depacketizer(0, bound);
        for (RtpPacket packet : RtpPackets.script(data, 3000)) {
            for (AccessUnit unit : fuzzed.push(packet)) {
                ByteBuffer au = unit.dataView();
                assertTrue(au.remaining() <= bound, "unit of " + au.remaining() + " bytes");
                List<ByteBuffer> nals = NalUnits.split(au);
                assertFalse(nals.isEmpty(), "unit without NAL units");
                boolean idr = nals.stream().anyMatch(nal -> NalUnitType.of(nal.get(0)) == NalUnitType.IDR);
                assertEquals(idr, unit.keyframe(), "keyframe exactly when the unit holds an IDR slice");
                assertEquals(unit.presentationTime(), unit.decodeTime());
            }
        }
    }

    private List<AccessUnit> push(byte[] payload, long timestamp, boolean marker) {
        return depacketizer.push(RtpPackets.packet(sequence++, timestamp, marker, ByteBuffer.wrap(payload)));
    }
}
