package io.tributary.codecs.h264.internal;

import io.tributary.api.media.RtpPacket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A received RTP packet for tests; {@link #payload()} is a fresh read-only view each time. */
record TestRtpPacket(int sequenceNumber, long timestamp, boolean marker, ByteBuffer payload) implements RtpPacket {
    @Override
    public int payloadType() {
        return 96;
    }

    @Override
    public long ssrc() {
        return 0x1234_5678L;
    }

    @Override
    public ByteBuffer payload() {
        return payload.asReadOnlyBuffer();
    }

    /** Packetizer output as it goes on the wire: consecutive sequence numbers, one timestamp, marker on the last. */
    static List<RtpPacket> wrap(List<ByteBuffer> payloads, int firstSequence, long timestamp) {
        List<RtpPacket> packets = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            packets.add(new TestRtpPacket((firstSequence + i) & 0xFFFF, timestamp, i == payloads.size() - 1,
                    payloads.get(i).duplicate()));
        }
        return packets;
    }

    /**
     * Packets from a fuzzer's bytes: records of {@code flags(1) length(2) payload(length, cut at
     * the end)}. Flags: bit 0 marker, bit 1 skip a sequence number before this packet, bit 2 new
     * timestamp (+3000) for this packet, bit 3 the packet is late or repeated: it takes the
     * number of the packet (bits 4-5) places back and the running number does not move.
     */
    static List<RtpPacket> script(byte[] data) {
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
            timestamp = (flags & 4) != 0 ? (timestamp + 3000) & 0xFFFF_FFFFL : timestamp;
            packets.add(new TestRtpPacket(number, timestamp, (flags & 1) != 0, in.slice(in.position(), length)));
            in.position(in.position() + length);
        }
        return packets;
    }
}
