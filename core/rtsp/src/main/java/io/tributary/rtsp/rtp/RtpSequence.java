package io.tributary.rtsp.rtp;

/**
 * Follows the sequence numbers of one RTP stream (RFC 3550 §A.1) to tell a depacketizer whether
 * packets went missing before the one at hand, or whether that one is a duplicate or came late
 * (so that a single reordered or repeated packet does not look like two losses).
 *
 * <p>Not thread-safe: one instance per stream, fed by that stream's receiving thread.
 */
public final class RtpSequence {
    /** Packets at most this far behind the latest are late or repeated; further behind, the sender restarted. */
    public static final int MAX_MISORDER = 100;

    /** How a packet relates to the ones before it. */
    public enum Arrival {
        /** The packet after the previous one (or the very first). */
        NEXT,
        /** Packets are missing before this one, or the sender restarted (new SSRC, jump back). */
        AFTER_GAP,
        /** A duplicate or a packet overtaken by later ones: its place has passed. */
        STALE
    }

    private int expected = -1;
    private long ssrc;

    /** A sequence that has seen no packet yet. */
    public RtpSequence() {
    }

    /**
     * Places the next packet received and, unless it is {@link Arrival#STALE}, makes it the
     * latest.
     *
     * @param sequenceNumber the packet's sequence number; only its low 16 bits count
     * @param ssrc           the packet's synchronization source
     * @return how the packet relates to the ones before it
     */
    public Arrival next(int sequenceNumber, long ssrc) {
        int sequence = sequenceNumber & 0xFFFF;
        if (expected < 0 || ssrc != this.ssrc) {
            Arrival arrival = expected < 0 ? Arrival.NEXT : Arrival.AFTER_GAP;
            this.ssrc = ssrc;
            expected = (sequence + 1) & 0xFFFF;
            return arrival;
        }
        // 0: a repeat of the latest packet; numbers are 16 bits, so "behind" is modulo 2^16
        int behindLatest = (expected - 1 - sequence) & 0xFFFF;
        if (behindLatest <= MAX_MISORDER) {
            return Arrival.STALE;
        }
        Arrival arrival = sequence == expected ? Arrival.NEXT : Arrival.AFTER_GAP;
        expected = (sequence + 1) & 0xFFFF;
        return arrival;
    }
}
