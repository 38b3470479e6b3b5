package io.tributary.rtsp.header;

/**
 * {@code npt=start-end} in seconds. {@code start == null} means {@code now} (live);
 * {@code end == null} means open-ended.
 */
public record NptRange(Double start, Double end) implements PlayRange {
    public NptRange {
        if (start != null && (start.isNaN() || start < 0)) {
            throw new IllegalArgumentException("npt start must be >= 0");
        }
        if (end != null && (end.isNaN() || end < 0 || (start != null && end < start))) {
            throw new IllegalArgumentException("npt end must be >= start");
        }
    }

    /** {@code npt=now-}: what live paths serve. */
    public static NptRange now() {
        return new NptRange(null, null);
    }

    /** {@code npt=<start>-}. */
    public static NptRange from(double start) {
        return new NptRange(start, null);
    }

    public boolean isNow() {
        return start == null;
    }
}
