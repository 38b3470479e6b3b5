package io.tributary.api.media;

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
}
