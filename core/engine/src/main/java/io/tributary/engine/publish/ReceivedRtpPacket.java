package io.tributary.engine.publish;

import io.tributary.api.media.RtpPacket;
import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;

/** A packet a publisher sent, as the read-only view depacketizers read; valid while the buffer is. */
record ReceivedRtpPacket(RtpHeader header, ByteBuffer packet) implements RtpPacket {
    /** The packet in {@code buffer} (position to limit), or null when it is not RTP. */
    static ReceivedRtpPacket parse(ByteBuffer buffer) {
        RtpHeader header = RtpHeader.parse(buffer);
        return header == null ? null : new ReceivedRtpPacket(header, buffer);
    }

    @Override
    public int payloadType() {
        return header.payloadType();
    }

    @Override
    public int sequenceNumber() {
        return header.sequenceNumber();
    }

    @Override
    public long timestamp() {
        return header.timestamp();
    }

    @Override
    public long ssrc() {
        return header.ssrc();
    }

    @Override
    public boolean marker() {
        return header.marker();
    }

    @Override
    public ByteBuffer payload() {
        int start = packet.position() + header.payloadOffset();
        return packet.slice(start, header.payloadLength()).asReadOnlyBuffer();
    }
}
