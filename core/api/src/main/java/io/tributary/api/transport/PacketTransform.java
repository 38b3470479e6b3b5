package io.tributary.api.transport;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/** Makes one RTP packet into another (SRTP protection), for {@link RtpFrame#transformed}. */
@ConsumerType
public interface PacketTransform {
    /** The most bytes a packet may grow by (SRTP: the authentication tag and MKI). */
    int overhead();

    /**
     * Writes the transformed {@code packet} at {@code out}'s position, which has room for the
     * packet and {@link #overhead()}; must not change {@code packet}.
     *
     * @return the bytes written, or a negative number to leave this packet out
     */
    int apply(ByteBuffer packet, ByteBuffer out);
}
