package io.tributary.engine.session;

import java.util.List;

/**
 * What a playing session sends: a VOD timeline or a reader of a live stream. Confined to
 * the session's event loop.
 */
public interface Playback {
    /** Where playback (re)started: the npt served and each track's first packet. */
    record Start(double npt, List<TrackStart> tracks) {
    }

    /** The first packet of a track after PLAY, for {@code RTP-Info}. */
    record TrackStart(int track, int sequence, long rtpTime) {
    }

    /**
     * Starts or resumes.
     *
     * @param requestedNpt where to start, or null to resume (live media ignore it)
     */
    Start play(Double requestedNpt);

    /** Stops sending and keeps the position; returns it (npt seconds). */
    double pause();

    /** Ends playback for good, with RTCP BYE on each track when {@code bye}. */
    void stop(boolean bye);

    /** RTP packets sent so far (read from other threads: approximate). */
    long packetsSent();

    /** RTP bytes sent so far (read from other threads: approximate). */
    long bytesSent();

    /** Packets or frames dropped because the client was too slow. */
    long droppedPackets();
}
