package io.tributary.codecs.aac.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AacPacketizerTest {
    @Test
    void aUnitThatFitsGoesAfterA16BitHeaderSectionWithItsSizeAndIndexZero() {
        List<ByteBuffer> payloads = new AacPacketizer(1400).packetize(unit(new byte[] {1, 2, 3, 4, 5}));

        assertEquals(1, payloads.size());
        assertEquals("0010" + "0028" + "0102030405", hex(payloads.getFirst()));
        assertTrue(payloads.getFirst().isReadOnly());
    }

    @Test
    void aLargerUnitIsFragmentedEachFragmentCarryingTheWholeUnitsSize() {
        byte[] data = new byte[250];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }

        List<ByteBuffer> payloads = new AacPacketizer(104).packetize(unit(data));

        assertEquals(3, payloads.size());
        ByteBuffer joined = ByteBuffer.allocate(data.length);
        for (ByteBuffer payload : payloads) {
            assertTrue(payload.remaining() <= 104);
            assertEquals(16, payload.getShort(0));
            assertEquals(250 << 3, payload.getShort(2));
            joined.put(payload.duplicate().position(4));
        }
        assertArrayEquals(data, joined.array());
    }

    @Test
    void refusesAUnitTooLargeForThirteenBitSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AacPacketizer(1400).packetize(unit(new byte[8192])));
        assertEquals("AAC access unit of 8192 bytes exceeds the 8191 an AAC-hbr AU-size can carry", e.getMessage());
    }

    @Test
    void refusesAPayloadSizeWithNoRoomForData() {
        assertThrows(IllegalArgumentException.class, () -> new AacPacketizer(4));
    }

    @Test
    void marksTheLastPacketOfEachUnit() {
        assertTrue(new AacPacketizer(1400).markerOnLast());
    }

    static AccessUnit unit(byte[] data) {
        return new AccessUnit(0, 0, 0, true, ByteBuffer.wrap(data));
    }

    private static String hex(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
