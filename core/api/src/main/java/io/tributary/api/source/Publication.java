package io.tributary.api.source;

import io.tributary.api.media.AccessUnit;
import org.osgi.annotation.versioning.ConsumerType;

/** One publisher's claim on a path, fed by the engine with the units it receives. */
@ConsumerType
public interface Publication {
    /**
     * One received access unit, in decode order per track; timestamps are the publisher's
     * RTP timestamps. Called on the engine's receiving thread; must not block.
     */
    void publish(AccessUnit unit);

    /**
     * The publisher's RTCP sender report for a track (see {@link StreamPublisher#senderReport}).
     * The default ignores it.
     */
    default void senderReport(int track, long ntpTime, long timestamp) {
    }

    /**
     * The publisher went away (TEARDOWN, closed connection or timeout). The path may wait a
     * grace period for the same publisher to come back before ending its readers. Idempotent.
     */
    void close();
}
