package io.tributary.codecs.vpx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.testing.RtpPackets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Vp9DepacketizerTest {
    private static final Random RANDOM = new Random(9);
    private final VpxDepacketizer depacketizer = new VpxDepacketizer(0, 64 * 1024, Vp9PayloadDescriptor::read,
            Vp9FrameHeader::isKeyframe);

    private List<AccessUnit> push(int sequence, long timestamp, boolean marker, String descriptor, ByteBuffer data) {
        return depacketizer.push(Vp8DepacketizerTest.packet(sequence, timestamp, marker, descriptor, data));
    }

    @Test
    void ffmpegsOneOctetDescriptorsWithBeginAndEndMakeAFrame() {
        ByteBuffer key = VpxFrames.vp9(true, 2500, 320, 240, RANDOM);
        assertEquals(List.of(), push(1, 0, false, "08", key.slice(0, 1000)));
        assertEquals(List.of(), push(2, 0, false, "00", key.slice(1000, 1000)));
        List<AccessUnit> units = push(3, 0, true, "04", key.slice(2000, 500));

        assertEquals(key, units.getFirst().dataView());
        assertTrue(units.getFirst().keyframe(), "from the frame header: ffmpeg sends P = 0 on every frame");
        ByteBuffer inter = VpxFrames.vp9(false, 80, 0, 0, RANDOM);
        assertFalse(push(4, 3600, true, "0c", inter).getFirst().keyframe());
        assertEquals(0, depacketizer.droppedUnits());
    }

    @Test
    void everyOptionalDescriptorFieldIsSkipped() {
        ByteBuffer key = VpxFrames.vp9(true, 300, 640, 480, RANDOM);
        // I (15-bit), L non-flexible (TID U SID D, TL0PICIDX), B E V; SS: N_S 1 (two layers), Y, G with
        // two pictures of one and two P_DIFFs
        String ss = "38" + "01400168" + "028001e0" + "02" + "04" + "01" + "28" + "01" + "02";
        List<AccessUnit> units = push(1, 0, true, "ae" + "8123" + "00" + "07" + ss, key);
        assertEquals(key, units.getFirst().dataView());
        // flexible mode: I (7-bit), P, F, B, E, then L (no TL0PICIDX) and three P_DIFFs
        ByteBuffer inter = VpxFrames.vp9(false, 30, 0, 0, RANDOM);
        assertEquals(inter, push(2, 3600, true, "fc" + "05" + "00" + "030502", inter).getFirst().dataView());
        assertEquals(0, depacketizer.droppedUnits());
    }

    @Test
    void aFourthReferenceOrACutScalabilityStructureIsMalformed() {
        ByteBuffer inter = VpxFrames.vp9(false, 30, 0, 0, RANDOM);
        assertEquals(List.of(), push(1, 0, true, "dc" + "05" + "03050703", inter), "N set on the third P_DIFF");
        assertEquals(1, depacketizer.droppedUnits());
        assertEquals(List.of(), push(2, 3600, true, "0e" + "10" + "0140", ByteBuffer.allocate(0)), "SS cut short");
        assertEquals(2, depacketizer.droppedUnits());
    }

    @Test
    void aHigherSpatialLayersFrameContinuesThePictureAndCannotStartOne() {
        ByteBuffer base = VpxFrames.vp9(true, 100, 320, 240, RANDOM);
        ByteBuffer enhancement = VpxFrames.vp9(false, 200, 0, 0, RANDOM);
        assertEquals(List.of(), push(1, 0, false, "bc" + "00" + "00", base)); // flexible, L: SID 0
        List<AccessUnit> units = push(2, 0, true, "fc" + "00" + "02" + "02", enhancement); // SID 1, P_DIFF 1

        ByteBuffer both = ByteBuffer.allocate(300).put(base.duplicate()).put(enhancement.duplicate()).flip();
        assertEquals(both, units.getFirst().dataView());
        assertEquals(List.of(), push(3, 3600, true, "fc" + "01" + "02" + "02", enhancement));
        assertEquals(1, depacketizer.droppedUnits());
    }

    @Test
    void aSuperframeIsAKeyframeWhenItsFirstFrameIsAndShowingAnExistingFrameNeverIs() {
        ByteBuffer superframe = VpxFrames.superframe(VpxFrames.vp9(true, 400, 320, 240, RANDOM),
                VpxFrames.vp9(false, 90, 0, 0, RANDOM));
        assertTrue(push(1, 0, true, "0c", superframe).getFirst().keyframe());
        ByteBuffer hiddenThenShown = VpxFrames.superframe(VpxFrames.vp9(false, 400, 0, 0, RANDOM),
                VpxFrames.vp9ShowExisting(2));
        assertFalse(push(2, 3600, true, "0c", hiddenThenShown).getFirst().keyframe());
        assertFalse(push(3, 7200, true, "0c", VpxFrames.vp9ShowExisting(1)).getFirst().keyframe());
        assertEquals(List.of(), push(4, 10800, true, "0c", ByteBuffer.wrap(new byte[] {0x42})), "frame marker 1");
        assertEquals(1, depacketizer.droppedUnits());
    }

    @FuzzTest(maxDuration = "1m")
    void anyPacketsNeverThrowAndYieldOnlyUnitsWithAValidFirstFrame(byte[] data) {
        VpxDepacketizer fuzzed = new VpxDepacketizer(0, 64 * 1024, Vp9PayloadDescriptor::read,
                Vp9FrameHeader::isKeyframe);
        for (RtpPacket packet : RtpPackets.script(data, 3000)) {
            for (AccessUnit unit : fuzzed.push(packet)) {
                assertTrue(unit.data().remaining() <= 64 * 1024);
                assertEquals(Vp9FrameHeader.ofUnit(unit.dataView()).keyframe(), unit.keyframe());
            }
        }
    }
}
