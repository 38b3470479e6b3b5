package io.tributary.rtsp.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpHeaderTest {

    private static ByteBuffer hex(String s) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(s.replace(" ", "")));
    }

    @Test
    void writtenHeaderParsesBackWithUnsignedFields() {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN); // the writer ignores the order
        RtpHeader.write(b, true, 96, 0xFFFF, 0xFFFF_FFFEL, 0x8000_0001L);
        assertEquals(RtpHeader.SIZE, b.position());
        b.put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).flip();
        assertEquals("80e0fffffffffffe80000001", HexFormat.of().formatHex(b.array(), 0, 12));
        assertEquals(new RtpHeader(true, 96, 0xFFFF, 0xFFFF_FFFEL, 0x8000_0001L, 12, 8), RtpHeader.parse(b));
        assertEquals(0, b.position());
    }

    @Test
    void csrcsExtensionAndPaddingAreSkipped() {
        // V=2 P=1 X=1 CC=1, M=0 PT=8, seq 1, ts 2, ssrc 3, CSRC, ext (profile, 1 word, data), payload "ab", pad 2
        ByteBuffer b = hex("b1 08 0001 00000002 00000003 0000000a bede 0001 11223344 6162 0002");
        RtpHeader h = RtpHeader.parse(b);
        assertEquals(new RtpHeader(false, 8, 1, 2, 3, 24, 2), h);
        assertArrayEquals(new byte[] {'a', 'b'}, new byte[] {b.get(h.payloadOffset()), b.get(h.payloadOffset() + 1)});
    }

    @Test
    void offsetsAreRelativeToThePacketStartInALargerBuffer() {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.position(10);
        RtpHeader.write(b, false, 0, 7, 8, 9);
        b.put((byte) 42).flip().position(10);
        assertEquals(new RtpHeader(false, 0, 7, 8, 9, 12, 1), RtpHeader.parse(b));
    }

    @Test
    void invalidPacketsGiveNull() {
        assertNull(RtpHeader.parse(hex("8000 0001 00000002 000000")), "too short");
        assertNull(RtpHeader.parse(hex("4000 0001 00000002 00000003")), "version 1");
        assertNull(RtpHeader.parse(hex("8200 0001 00000002 00000003 00000004")), "CSRC past end");
        assertNull(RtpHeader.parse(hex("9000 0001 00000002 00000003 bede")), "extension header past end");
        assertNull(RtpHeader.parse(hex("9000 0001 00000002 00000003 bede0002 00000000")), "extension past end");
        assertNull(RtpHeader.parse(hex("a000 0001 00000002 00000003 6100")), "padding count 0");
        assertNull(RtpHeader.parse(hex("a000 0001 00000002 00000003 6105")), "padding past payload");
    }
}
