package io.tributary.api.testing;

import io.tributary.api.media.RtpPacket;
import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * RTP packets for tests, built as they go on the wire (a 12-byte header, then the payload) and
 * read back with {@link RtpPacket#parse}: payload type {@value #PAYLOAD_TYPE}, SSRC
 * {@code 0x12345678}.
 */
public final class RtpPackets {
    public static final int PAYLOAD_TYPE = 96;
    public static final long SSRC = 0x1234_5678L;

    private RtpPackets() {
    }

    /**
     * One packet carrying the bytes between {@code payload}'s position and limit (copied; the
     * buffer is not moved). The sequence number and timestamp are cut to their wire width.
     */
    public static RtpPacket packet(int sequenceNumber, long timestamp, boolean marker, ByteBuffer payload) {
        ByteBuffer wire = ByteBuffer.allocate(RtpHeader.SIZE + payload.remaining());
        RtpHeader.write(wire, marker, PAYLOAD_TYPE, sequenceNumber, timestamp, SSRC);
        wire.put(payload.duplicate()).flip();
        RtpPacket packet = RtpPacket.parse(wire);
        if (packet == null) {
            throw new AssertionError("RtpPacket.parse refused a packet of " + wire.remaining() + " bytes");
        }
        return packet;
    }

    /** Packetizer output as it goes on the wire: consecutive sequence numbers, one timestamp, marker on the last. */
    public static List<RtpPacket> wrap(List<ByteBuffer> payloads, int firstSequence, long timestamp) {
        List<RtpPacket> packets = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            packets.add(packet(firstSequence + i, timestamp, i == payloads.size() - 1, payloads.get(i)));
        }
        return packets;
    }

    /**
     * Packets from a fuzzer's bytes: records of {@code flags(1) length(2) payload(length, cut at
     * the end)}. Flags: bit 0 marker, bit 1 skip a sequence number before this packet, bit 2 new
     * timestamp ({@code + timestampStep}, e.g. a frame's duration) for this packet, bit 3 the
     * packet is late or repeated: it takes the number of the packet (bits 4-5) places back and
     * the running number does not move.
     */
    public static List<RtpPacket> script(byte[] data, long timestampStep) {
        List<RtpPacket> packets = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(data);
        int sequence = 65530;
        long timestamp = 0xFFFF_F000L;
        while (in.remaining() >= 3) {
            int flags = in.get();
            int length = Math.min(in.getShort() & 0xFFFF, in.remaining());
            int number;
            if ((flags & 8) != 0) {
                number = (sequence - (flags >>> 4 & 3)) & 0xFFFF;
            } else {
                sequence = (sequence + ((flags & 2) != 0 ? 2 : 1)) & 0xFFFF;
                number = sequence;
            }
            timestamp = (flags & 4) != 0 ? (timestamp + timestampStep) & 0xFFFF_FFFFL : timestamp;
            packets.add(packet(number, timestamp, (flags & 1) != 0, in.slice(in.position(), length)));
            in.position(in.position() + length);
        }
        return packets;
    }
}
