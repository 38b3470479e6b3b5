package io.tributary.api.payload;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reassembles access units from RTP packets of one track. Needing more packets is the
 * normal case, not an error: {@link #push} then returns empty. Loss or malformed payloads
 * drop the unit being assembled and resynchronize on the next one.
 */
@ConsumerType
public interface Depacketizer {
    /**
     * Adds one packet in sequence order.
     *
     * @return the access unit this packet completes, or empty when more are needed (or the
     *         unit was dropped)
     */
    Optional<AccessUnit> push(RtpPacket packet);

    /** Units dropped so far because of loss or malformed payloads. */
    long droppedUnits();
}
