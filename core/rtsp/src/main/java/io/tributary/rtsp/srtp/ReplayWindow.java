package io.tributary.rtsp.srtp;

/**
 * The highest packet index processed so far and which of the 63 before it were (RFC 3711
 * §3.3.2), plus the index estimate of Appendix A built on it.
 */
final class ReplayWindow {
    private static final long NONE = -1;
    private static final int SIZE = 64;

    private final long initialRoc;
    private long highest;
    private long seen;
    private boolean accepted;

    private ReplayWindow(long initialRoc, long highest) {
        this.initialRoc = initialRoc;
        this.highest = highest;
    }

    /** The first packet accepted sets the position; its ROC is {@code roc}. */
    static ReplayWindow fromFirstPacket(long roc) {
        return new ReplayWindow(roc, NONE);
    }

    /** Expects {@code nextIndex} next; packets up to 63 before it are still fresh. */
    static ReplayWindow expecting(long nextIndex) {
        return nextIndex == 0 ? fromFirstPacket(0) : new ReplayWindow(nextIndex >>> 16, nextIndex - 1);
    }

    /**
     * The 48-bit index of sequence number {@code seq}: the one of ROC−1, ROC and ROC+1 closest to
     * the highest index (RFC 3711 Appendix A). Negative when it lies before index 0.
     */
    long estimate(int seq) {
        if (highest == NONE) {
            return (initialRoc << 16) | seq;
        }
        long roc = highest >>> 16;
        int last = (int) (highest & 0xFFFF);
        long v;
        if (last < 32768) {
            v = seq - last > 32768 ? roc - 1 : roc;
        } else {
            v = last - 32768 > seq ? roc + 1 : roc;
        }
        return (v << 16) | seq;
    }

    /** True when {@code index} is neither seen nor older than the window. */
    boolean isFresh(long index) {
        if (highest == NONE || index > highest) {
            return true;
        }
        long behind = highest - index;
        return behind < SIZE && (seen & (1L << behind)) == 0;
    }

    /** Marks {@code index} as processed; call only after {@link #isFresh} and authentication. */
    void accept(long index) {
        accepted = true;
        if (highest == NONE) {
            highest = index;
            seen = 1;
        } else if (index > highest) {
            long ahead = index - highest;
            seen = ahead >= SIZE ? 1 : (seen << ahead) | 1;
            highest = index;
        } else {
            seen |= 1L << (highest - index);
        }
    }

    /** The ROC of the highest index accepted, or the starting ROC before the first packet. */
    long rolloverCounter() {
        return accepted ? highest >>> 16 : initialRoc;
    }
}
