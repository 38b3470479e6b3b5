package io.tributary.auth.digest.internal;

/**
 * The nonce counts seen with one nonce: the highest, and which of the 63 below it. A client's
 * requests on several connections may arrive slightly out of order, so a lower count not seen
 * yet is still accepted; one seen before, or too far below to tell, is a replay.
 */
final class NonceCountWindow {
    private static final int SIZE = Long.SIZE;

    private long highest = -1;
    /** Bit k set: {@code highest - k} was seen. */
    private long seen;

    /** Records a nonce count; false when it was seen before or is older than the window. */
    synchronized boolean accept(long nc) {
        if (nc > highest) {
            long shift = nc - highest;
            seen = shift >= SIZE ? 1 : seen << shift | 1;
            highest = nc;
            return true;
        }
        long back = highest - nc;
        if (back >= SIZE || (seen & 1L << back) != 0) {
            return false;
        }
        seen |= 1L << back;
        return true;
    }
}
