package io.tributary.sources.file.internal.ts;

/**
 * Turns 33-bit PTS/DTS values (90 kHz, wrapping every 26.5 hours) into one monotonic
 * timeline: each value is placed in the wrap period that brings it closest to the value
 * before it, whatever track that came from (the tracks of a file run close together).
 */
final class Unwrapper {
    static final long WRAP = 1L << 33;

    private long last;
    private boolean started;

    /** @param raw a 33-bit time stamp */
    long unwrap(long raw) {
        if (!started) {
            started = true;
            last = raw;
            return raw;
        }
        long unwrapped = raw + Math.floorDiv(last - raw + WRAP / 2, WRAP) * WRAP;
        last = unwrapped;
        return unwrapped;
    }
}
