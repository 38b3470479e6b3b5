package io.tributary.rtsp.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.List;

/** RTP and RTCP parsers never throw, and what they report lies inside the packet. */
class RtpFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void rtpHeader(byte[] input) {
        ByteBuffer packet = ByteBuffer.wrap(input);
        RtpHeader h = RtpHeader.parse(packet);
        assertEquals(0, packet.position());
        if (h == null) {
            return;
        }
        assertTrue(h.payloadOffset() >= RtpHeader.SIZE && h.payloadLength() >= 0);
        assertTrue(h.payloadOffset() + h.payloadLength() <= input.length);
        assertTrue(h.payloadType() <= 127 && h.sequenceNumber() <= 0xFFFF);
        assertTrue(h.timestamp() >= 0 && h.timestamp() <= 0xFFFF_FFFFL && h.ssrc() >= 0 && h.ssrc() <= 0xFFFF_FFFFL);
        ByteBuffer rewritten = ByteBuffer.allocate(RtpHeader.SIZE);
        RtpHeader.write(rewritten, h.marker(), h.payloadType(), h.sequenceNumber(), h.timestamp(), h.ssrc());
        assertEquals(new RtpHeader(h.marker(), h.payloadType(), h.sequenceNumber(), h.timestamp(), h.ssrc(), 12, 0),
                RtpHeader.parse(rewritten.flip()));
    }

    @FuzzTest(maxDuration = "1m")
    void rtcpParser(byte[] input) {
        ByteBuffer compound = ByteBuffer.wrap(input);
        List<RtcpPacket> packets = RtcpParser.parse(compound);
        assertEquals(0, compound.position());
        assertTrue(packets.size() <= input.length / 4);
        for (RtcpPacket p : packets) {
            if (p instanceof RtcpPacket.ReceiverReport rr) {
                assertTrue(rr.reports().size() <= 31);
            }
        }
    }
}
