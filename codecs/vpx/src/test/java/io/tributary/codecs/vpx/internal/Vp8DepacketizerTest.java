package io.tributary.codecs.vpx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.testing.RtpPackets;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Vp8DepacketizerTest {
    /** X and S, I with a 15-bit PictureID: a frame's first packet as ffmpeg sends it (ours has no X). */
    private static final String FIRST = "90808001";
    private static final String NEXT = "80808001";
    private static final Random RANDOM = new Random(8);
    private final VpxDepacketizer depacketizer = new VpxDepacketizer(2, 64 * 1024, Vp8PayloadDescriptor::read,
            Vp8FrameHeader::isKeyframe);

    private List<AccessUnit> push(int sequence, long timestamp, boolean marker, String descriptor, ByteBuffer data) {
        return depacketizer.push(packet(sequence, timestamp, marker, descriptor, data));
    }

    /** A packet of the descriptor's octets (hex) and the data. */
    static RtpPacket packet(int sequence, long timestamp, boolean marker, String descriptor, ByteBuffer data) {
        ByteBuffer payload = ByteBuffer.allocate(descriptor.length() / 2 + data.remaining());
        payload.put(HexFormat.of().parseHex(descriptor)).put(data.duplicate()).flip();
        return RtpPackets.packet(sequence, timestamp, marker, payload);
    }

    private static ByteBuffer part(ByteBuffer frame, int from, int to) {
        return frame.slice(from, to - from);
    }

    @Test
    void aFrameIsJoinedFromItsStartPacketToTheMarker() {
        ByteBuffer key = VpxFrames.vp8(true, 3000, 320, 240, RANDOM);
        assertEquals(List.of(), push(7, 9000, false, FIRST, part(key, 0, 1000)));
        assertEquals(List.of(), push(8, 9000, false, NEXT, part(key, 1000, 2000)));
        List<AccessUnit> units = push(9, 9000, true, NEXT, part(key, 2000, 3000));

        assertEquals(1, units.size());
        assertEquals(key, units.getFirst().dataView());
        assertTrue(units.getFirst().keyframe());
        assertEquals(2, units.getFirst().track());
        assertEquals(9000, units.getFirst().presentationTime());
        assertEquals(9000, units.getFirst().decodeTime());
        ByteBuffer inter = VpxFrames.vp8(false, 40, 0, 0, RANDOM);
        List<AccessUnit> next = push(10, 12600, true, FIRST, inter);
        assertFalse(next.getFirst().keyframe(), "P = 1");
        assertEquals(0, depacketizer.droppedUnits());
    }

    @Test
    void everyOptionalDescriptorFieldIsSkipped() {
        ByteBuffer inter = VpxFrames.vp8(false, 20, 0, 0, RANDOM);
        // X, N, S; I with a 7-bit PictureID, L (TL0PICIDX), T and K (TID Y KEYIDX)
        List<AccessUnit> units = push(1, 0, true, "b0" + "f0" + "05" + "11" + "e3", inter);
        assertEquals(inter, units.getFirst().dataView());
        // no extension at all: one octet
        assertEquals(inter, push(2, 3000, true, "10", inter).getFirst().dataView());
    }

    @Test
    void aLostPacketDropsItsFrameAndTheNextFrameComesThrough() {
        ByteBuffer key = VpxFrames.vp8(true, 2000, 320, 240, RANDOM);
        push(1, 0, false, FIRST, part(key, 0, 1000));
        assertEquals(List.of(), push(3, 0, true, NEXT, part(key, 1000, 2000)), "packet 2 is missing");
        assertEquals(1, depacketizer.droppedUnits());

        ByteBuffer inter = VpxFrames.vp8(false, 100, 0, 0, RANDOM);
        assertEquals(inter, push(4, 3000, true, FIRST, inter).getFirst().dataView(), "a reader resumes on any frame");
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void packetsOfAFrameJoinedMidwayDropOneFrameAndLaterPartitionsStartNone() {
        ByteBuffer key = VpxFrames.vp8(true, 2000, 320, 240, RANDOM);
        assertEquals(List.of(), push(1, 0, false, NEXT, part(key, 0, 1000)));
        assertEquals(List.of(), push(2, 0, true, NEXT, part(key, 1000, 2000)));
        assertEquals(1, depacketizer.droppedUnits(), "one frame, however many of its packets");
        assertEquals(List.of(), push(3, 3000, true, "9180", VpxFrames.vp8(false, 9, 0, 0, RANDOM)),
                "S with partition index 1 does not start a frame");
        assertEquals(2, depacketizer.droppedUnits());
    }

    @Test
    void aStartWithoutTheMarkerBeforeItEndsThePreviousFrameAsItIs() {
        ByteBuffer one = VpxFrames.vp8(false, 50, 0, 0, RANDOM);
        ByteBuffer two = VpxFrames.vp8(false, 60, 0, 0, RANDOM);
        assertEquals(List.of(), push(1, 0, false, FIRST, one));
        List<AccessUnit> units = push(2, 3000, true, FIRST, two);

        assertEquals(List.of(one, two), units.stream().map(AccessUnit::dataView).toList());
        assertEquals(List.of(0L, 3000L), units.stream().map(AccessUnit::presentationTime).toList());
    }

    @Test
    void aMalformedDescriptorOrFrameHeaderOrAnotherTimestampDropsTheFrame() {
        ByteBuffer key = VpxFrames.vp8(true, 2000, 320, 240, RANDOM);
        push(1, 0, false, FIRST, part(key, 0, 1000));
        assertEquals(List.of(), push(2, 0, true, "8080", ByteBuffer.allocate(0)), "descriptor cut short");
        assertEquals(1, depacketizer.droppedUnits());

        ByteBuffer noStartCode = VpxFrames.vp8(true, 100, 320, 240, RANDOM).put(3, (byte) 0);
        assertEquals(List.of(), push(3, 3000, true, FIRST, noStartCode));
        assertEquals(2, depacketizer.droppedUnits());

        push(4, 6000, false, FIRST, part(key, 0, 1000));
        assertEquals(List.of(), push(5, 9000, true, NEXT, part(key, 1000, 2000)), "not the frame's timestamp");
        assertEquals(3, depacketizer.droppedUnits());
    }

    @Test
    void aFrameAboveTheBoundIsDroppedAndDuplicatesAreIgnored() {
        VpxDepacketizer small = new VpxDepacketizer(0, 1500, Vp8PayloadDescriptor::read, Vp8FrameHeader::isKeyframe);
        ByteBuffer key = VpxFrames.vp8(true, 2000, 320, 240, RANDOM);
        small.push(packet(1, 0, false, FIRST, part(key, 0, 1000)));
        small.push(packet(1, 0, false, FIRST, part(key, 0, 1000)));
        assertEquals(0, small.droppedUnits(), "a repeated packet is ignored");
        assertEquals(List.of(), small.push(packet(2, 0, true, NEXT, part(key, 1000, 2000))));
        assertEquals(1, small.droppedUnits());
    }

    @FuzzTest(maxDuration = "1m")
    void anyPacketsNeverThrowAndYieldOnlyFramesWithAValidHeader(byte[] data) {
        VpxDepacketizer fuzzed = new VpxDepacketizer(0, 64 * 1024, Vp8PayloadDescriptor::read,
                Vp8FrameHeader::isKeyframe);
        for (RtpPacket packet : RtpPackets.script(data, 3000)) {
            for (AccessUnit unit : fuzzed.push(packet)) {
                assertTrue(unit.data().remaining() <= 64 * 1024);
                assertEquals(Vp8FrameHeader.parse(unit.dataView()).keyframe(), unit.keyframe());
            }
        }
    }
}
