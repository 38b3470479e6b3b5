package io.tributary.api.source;

import io.tributary.api.media.AccessUnit;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a live source delivers its media: the engine's stream of a path, which packetizes
 * each unit once and shares it with every reader.
 */
@ProviderType
public interface StreamPublisher {
    /** Delivers one access unit; never blocks. Units of a track arrive in decode order. */
    void publish(AccessUnit unit);

    /**
     * The source's own mapping of a track's timestamps to its wall clock (the RTCP sender
     * report it sent), so that readers keep the tracks in sync exactly as the source had them.
     * Without it the stream maps by arrival time. Never blocks.
     *
     * @param ntpTime   the source's wall clock as a 64-bit NTP timestamp
     * @param timestamp the track's timestamp at that instant (as in {@link AccessUnit#presentationTime()})
     */
    void senderReport(int track, long ntpTime, long timestamp);

    /**
     * The source restarted (a publisher came back, an upstream camera reconnected): the
     * timestamps of the next units do not continue the previous ones. The stream shifts them
     * so that readers see one continuous timeline and need not reconnect.
     */
    void discontinuity();

    /** Ends the stream: readers get RTCP BYE and the end of their session. */
    void end();
}
