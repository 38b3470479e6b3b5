package io.tributary.rtsp.sdp;

import java.util.List;

/**
 * {@code t=<start> <stop>} (NTP seconds; {@code 0 0} for an unbounded session), with its
 * {@code r=} lines kept as written.
 */
public record Timing(long start, long stop, List<String> repeats) {
    public Timing {
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("negative time");
        }
        repeats = repeats == null ? List.of() : List.copyOf(repeats);
    }

    /** {@code t=0 0}: what live and on-demand RTSP sessions use. */
    public static Timing unbounded() {
        return new Timing(0, 0, List.of());
    }
}
