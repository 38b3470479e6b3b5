package io.tributary.api.payload;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reassembles access units from RTP packets of one track. Needing more packets is the
 * normal case, not an error: {@link #push} then returns an empty list. Loss or malformed payloads
 * drop the unit being assembled and resynchronize on the next one.
 */
@ConsumerType
public interface Depacketizer {
    /**
     * Adds one packet in sequence order.
     *
     * @return the access units this packet completes (several when one packet aggregates
     *         them, e.g. AAC), or an empty list when more are needed or the unit was dropped
     */
    List<AccessUnit> push(RtpPacket packet);

    /** Units dropped so far because of loss or malformed payloads. */
    long droppedUnits();
}
