package io.tributary.sources.file.internal.container;

import java.time.Duration;

/** Exact conversions between the time units of containers and RTP clocks, and rates over a duration. */
public final class Timescale {
    /** Nanoseconds per second, the unit of {@link Duration} and of Matroska times. */
    public static final long NANOS = 1_000_000_000L;

    private Timescale() {
    }

    /**
     * {@code value * to / from} rounded half up, exact in 64 bits while {@code value / from}
     * stays within ±2^31 and {@code to} and {@code from} below 2^31.
     */
    public static long rescale(long value, long to, long from) {
        return Math.floorDiv(value, from) * to + (Math.floorMod(value, from) * to + from / 2) / from;
    }

    /** Average bitrate in bit/s of {@code bytes} played over {@code duration}; 0 when it is not positive. */
    public static long bitrate(long bytes, Duration duration) {
        long nanos = duration.toNanos();
        return nanos <= 0 ? 0 : Math.round(bytes * 8e9 / nanos);
    }
}
