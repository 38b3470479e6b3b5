package io.tributary.engine.vod;

import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * The RTP numbering of one track in one session: random SSRC, initial sequence number and
 * timestamp offset (RFC 3550 §5.1), and the counters RTCP sender reports need.
 */
final class TrackTimeline {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int payloadType;
    private final long ssrc;
    private final long timestampBase;
    private int nextSequence;
    private long packetCount;
    private long octetCount;

    TrackTimeline(int payloadType, long ssrc) {
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.timestampBase = RANDOM.nextInt() & 0xffffffffL;
        this.nextSequence = RANDOM.nextInt(0x10000);
    }

    /** A fresh random SSRC for a track (unsigned 32-bit). */
    static long randomSsrc() {
        return RANDOM.nextInt() & 0xffffffffL;
    }

    long ssrc() {
        return ssrc;
    }

    int nextSequence() {
        return nextSequence;
    }

    /** The RTP timestamp of a media time in clock units. */
    long rtpTime(long mediaTime) {
        return (timestampBase + mediaTime) & 0xffffffffL;
    }

    /** Writes the header of the next packet at {@code dst}'s position and counts the packet. */
    void writeNextHeader(ByteBuffer dst, boolean marker, long mediaTime, int payloadBytes) {
        RtpHeader.write(dst, marker, payloadType, nextSequence, rtpTime(mediaTime), ssrc);
        nextSequence = (nextSequence + 1) & 0xffff;
        packetCount++;
        octetCount += payloadBytes;
    }

    long packetCount() {
        return packetCount;
    }

    long octetCount() {
        return octetCount;
    }
}
