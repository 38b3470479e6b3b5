package io.tributary.codecs.vpx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VpxFrameHeaderTest {
    private static final Random RANDOM = new Random(1);

    private static ByteBuffer hex(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    @Test
    void aVp8KeyframeGivesItsSizeAndAnInterFrameOnlyItsTag() {
        // tag (P = 0, shown, first partition 490 bytes), start code, 320 and 240 without scaling
        ByteBuffer key = VpxFrames.vp8(true, 500, 320, 240, RANDOM);
        assertEquals(new Vp8FrameHeader(true, 490, 320, 240), Vp8FrameHeader.parse(key));
        assertEquals(0, key.position(), "not moved");
        assertEquals(new Vp8FrameHeader(false, 0, 0, 0), Vp8FrameHeader.parse(hex("110000")));
    }

    @Test
    void malformedVp8HeadersAreRefusedPrecisely() {
        assertEquals("VP8 frame of 2 bytes has no 3-byte frame tag",
                assertThrows(IllegalArgumentException.class, () -> Vp8FrameHeader.parse(hex("1100"))).getMessage());
        assertEquals("VP8 keyframe start code is 9d 01 2b, not 9d 01 2a", assertThrows(IllegalArgumentException.class,
                () -> Vp8FrameHeader.parse(hex("1000009d012b40010f00"))).getMessage());
        assertEquals("VP8 first partition of 1 bytes in a frame of 3", assertThrows(IllegalArgumentException.class,
                () -> Vp8FrameHeader.parse(hex("310000"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Vp8FrameHeader.parse(hex("1000009d012a00000f00")),
                "width 0");
    }

    @Test
    void aVp9KeyframeGivesItsProfileAndSizeAndShowingAnExistingFrameIsNoKeyframe() {
        assertEquals(new Vp9FrameHeader(0, false, true, 320, 240),
                Vp9FrameHeader.parse(VpxFrames.vp9(true, 40, 320, 240, RANDOM)));
        assertEquals(new Vp9FrameHeader(0, false, false, 0, 0),
                Vp9FrameHeader.parse(VpxFrames.vp9(false, 40, 0, 0, RANDOM)));
        assertEquals(new Vp9FrameHeader(0, true, false, 0, 0), Vp9FrameHeader.parse(VpxFrames.vp9ShowExisting(5)));
        // profile 1 (low bit 1, high bit 0), keyframe, sRGB (color space 7): reserved bit after it
        assertEquals(new Vp9FrameHeader(1, false, true, 1, 1), Vp9FrameHeader.parse(hex("a2498342e00000000000")));
        assertEquals(new Vp9FrameHeader(3, false, false, 0, 0), Vp9FrameHeader.parse(hex("b200")), "profile 3");
    }

    @Test
    void malformedVp9HeadersAreRefusedPrecisely() {
        assertEquals("VP9 frame marker is 1, not 2",
                assertThrows(IllegalArgumentException.class, () -> Vp9FrameHeader.parse(hex("42"))).getMessage());
        assertEquals("VP9 keyframe sync code is 498343, not 498342", assertThrows(IllegalArgumentException.class,
                () -> Vp9FrameHeader.parse(hex("8249834300000000"))).getMessage());
        assertEquals("VP9 frame of 4 bytes ends inside its header", assertThrows(IllegalArgumentException.class,
                () -> Vp9FrameHeader.parse(hex("82498342"))).getMessage());
        assertEquals("VP9 profile 3 frame with its reserved bit set",
                assertThrows(IllegalArgumentException.class, () -> Vp9FrameHeader.parse(hex("b8"))).getMessage());
    }

    @Test
    void aSuperframeSplitsIntoItsFramesAndAFrameEndingLikeAMarkerStaysWhole() {
        ByteBuffer hidden = VpxFrames.vp9(false, 300, 0, 0, RANDOM);
        ByteBuffer shown = VpxFrames.vp9ShowExisting(0);
        assertEquals(List.of(hidden, shown), Vp9Superframe.frames(VpxFrames.superframe(hidden, shown)));
        ByteBuffer lookalike = hex("86aabbc9");
        assertEquals(List.of(lookalike), Vp9Superframe.frames(lookalike), "c9 at the end, but no index before it");
        assertEquals("VP9 superframe index lists frame 1 of 9 bytes where 1 are left",
                assertThrows(IllegalArgumentException.class,
                        () -> Vp9Superframe.frames(hex("8686" + "c9" + "0100" + "0900" + "c9"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Vp9Superframe.frames(hex("c1" + "00" + "00" + "c1")),
                "an empty frame");
        assertThrows(IllegalArgumentException.class, () -> Vp9Superframe.frames(ByteBuffer.allocate(0)));
    }

    @Test
    void aVpccGivesTheProfileAndOthersAreRefused() {
        VpcConfiguration config = new VpcConfiguration(2, 31, 10);
        assertEquals(config, VpcConfiguration.parse(config.record()));
        // ffmpeg's vpcC for VP9 profile 0, level 2.1, 8 bits, 4:2:0 colocated, BT.709
        assertEquals(new VpcConfiguration(0, 21, 8), VpcConfiguration.parse(hex("01000000" + "0015" + "82"
                + "010101" + "0000")));
        assertEquals("vpcC version 0: only version 1 is read", assertThrows(IllegalArgumentException.class,
                () -> VpcConfiguration.parse(hex("00000000" + "0015" + "82" + "010101" + "0000"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> VpcConfiguration.parse(hex("01000000" + "0415" + "82"
                + "010101" + "0000")), "profile 4");
        assertThrows(IllegalArgumentException.class, () -> VpcConfiguration.parse(hex("01000000" + "0015" + "82"
                + "010101" + "0002" + "00")), "initialization data cut short");
    }

    @FuzzTest(maxDuration = "1m")
    void anyVp8FrameParsesOrFailsWithIllegalArgument(byte[] data) {
        try {
            Vp8FrameHeader header = Vp8FrameHeader.parse(ByteBuffer.wrap(data));
            assertTrue(header.keyframe() == (header.width() > 0 && header.height() > 0));
            assertTrue(header.firstPartitionSize() <= data.length);
        } catch (IllegalArgumentException refused) {
            // a precise refusal is the contract
        }
    }

    @FuzzTest(maxDuration = "1m")
    void anyVp9UnitParsesOrFailsWithIllegalArgument(byte[] data) {
        try {
            List<ByteBuffer> frames = Vp9Superframe.frames(ByteBuffer.wrap(data));
            assertTrue(frames.stream().allMatch(ByteBuffer::hasRemaining));
            assertTrue(frames.stream().mapToInt(ByteBuffer::remaining).sum() <= data.length);
            Vp9FrameHeader header = Vp9FrameHeader.ofUnit(ByteBuffer.wrap(data));
            assertTrue(header.profile() <= 3);
            assertTrue(!header.keyframe() || header.width() > 0 && header.height() > 0);
        } catch (IllegalArgumentException refused) {
            // a precise refusal is the contract
        }
    }

    @FuzzTest(maxDuration = "1m")
    void anyVpccParsesOrFailsWithIllegalArgument(byte[] data) {
        try {
            VpcConfiguration config = VpcConfiguration.parse(ByteBuffer.wrap(data));
            assertEquals(config, VpcConfiguration.parse(config.record()));
        } catch (IllegalArgumentException refused) {
            // a precise refusal is the contract
        }
    }
}
