package io.tributary.api.media;

import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;

/** {@link RtpPacket#parse}'s view: the parsed fixed header over the packet's bytes. */
record ParsedRtpPacket(RtpHeader header, ByteBuffer packet) implements RtpPacket {
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
        return packet.slice(packet.position() + header.payloadOffset(), header.payloadLength()).asReadOnlyBuffer();
    }
}
