package io.tributary.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.RtpPacket;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpPacketsTest {
    @Test
    void aBuiltPacketReadsBackWithItsFieldsCutToTheirWireWidth() {
        ByteBuffer payload = ByteBuffer.wrap(new byte[] {9, 1, 2, 3}).position(1);

        RtpPacket packet = RtpPackets.packet(65_537, 0x1_0000_0005L, true, payload);

        assertEquals(RtpPackets.PAYLOAD_TYPE, packet.payloadType());
        assertEquals(RtpPackets.SSRC, packet.ssrc());
        assertEquals(1, packet.sequenceNumber());
        assertEquals(5, packet.timestamp());
        assertTrue(packet.marker());
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), packet.payload());
        assertTrue(packet.payload().isReadOnly());
        assertEquals(1, payload.position(), "the payload buffer is not moved");
    }

    @Test
    void wrappedPayloadsGetConsecutiveNumbersAcrossTheWrapAndTheMarkerOnTheLast() {
        List<ByteBuffer> payloads = List.of(ByteBuffer.allocate(1), ByteBuffer.allocate(2), ByteBuffer.allocate(0));

        List<RtpPacket> packets = RtpPackets.wrap(payloads, 65_535, 3000);

        assertEquals(List.of(65_535, 0, 1), packets.stream().map(RtpPacket::sequenceNumber).toList());
        assertEquals(List.of(false, false, true), packets.stream().map(RtpPacket::marker).toList());
        assertEquals(List.of(3000L, 3000L, 3000L), packets.stream().map(RtpPacket::timestamp).toList());
        assertEquals(0, packets.getLast().payload().remaining());
    }

    @Test
    void aScriptSaysNumbersTimesAndMarkers() {
        // new timestamp + marker, skip a number, then a repeat of the previous packet (one back)
        byte[] script = {5, 0, 1, 42, 2, 0, 0, 0x18, 0, 0};

        List<RtpPacket> packets = RtpPackets.script(script, 1024);

        assertEquals(List.of(65_531, 65_533, 65_532), packets.stream().map(RtpPacket::sequenceNumber).toList());
        assertEquals(List.of(0xFFFF_F400L, 0xFFFF_F400L, 0xFFFF_F400L),
                packets.stream().map(RtpPacket::timestamp).toList());
        assertTrue(packets.getFirst().marker());
        assertFalse(packets.get(1).marker());
        assertEquals(42, packets.getFirst().payload().get(0));
    }
}
