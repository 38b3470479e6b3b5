package io.tributary.codecs.audio.internal;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;

/**
 * An audio encoding whose RTP payload is one or more whole frames (RFC 3551 §4.5: G.711,
 * G.722; RFC 7587: Opus): a payload is an access unit as it is, timed by its packet's
 * timestamp, and every unit is a sync point. Subclasses say how tracks are described in SDP.
 */
abstract class FrameAudioFormat implements PayloadFormat {
    private final String name;
    private final int clockRate;

    FrameAudioFormat(String name, int clockRate) {
        this.name = name;
        this.clockRate = clockRate;
    }

    /** The upper-case encoding name, as in {@code rtpmap}. */
    final String name() {
        return name;
    }

    @Override
    public final Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
        return new FramePacketizer(name, maxPayloadSize);
    }

    @Override
    public final Depacketizer depacketizer(TrackDescription track) {
        return new FrameDepacketizer(track.index());
    }

    /**
     * Refuses a clock rate other than the one the encoding's specification fixes.
     *
     * @throws IllegalArgumentException naming the track
     */
    final void checkClockRate(int index, Encoding encoding) {
        if (encoding.clockRate() != clockRate) {
            throw new IllegalArgumentException(name + " track " + index + ": clock rate " + encoding.clockRate()
                    + ", but " + name + " is sent at " + clockRate);
        }
    }

    @Override
    public String toString() {
        return name + " payload format";
    }
}
