package io.tributary.api.media;

import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A received RTP packet (RFC 3550 §5.1), as a read-only view that the engine may share
 * between several readers. Implementations are provided by the engine.
 */
@ProviderType
public interface RtpPacket {
    int payloadType();

    int sequenceNumber();

    /** The RTP timestamp as an unsigned 32-bit value. */
    long timestamp();

    /** The SSRC as an unsigned 32-bit value. */
    long ssrc();

    boolean marker();

    /** A fresh read-only view of the payload (after header, CSRCs, extension and padding removal). */
    ByteBuffer payload();

    /**
     * The RTP packet between {@code packet}'s position and limit, as a view that is valid as
     * long as the buffer's content is; null when it is not valid RTP (RFC 3550 §5.1: version 2,
     * CSRCs, extension and padding within the packet).
     */
    static RtpPacket parse(ByteBuffer packet) {
        RtpHeader header = RtpHeader.parse(packet);
        return header == null ? null : new ParsedRtpPacket(header, packet.duplicate());
    }
}
