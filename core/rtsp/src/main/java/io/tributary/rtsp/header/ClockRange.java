package io.tributary.rtsp.header;

import java.time.Instant;

/** {@code clock=20261124T101500Z-…}: absolute wall-clock time; {@code end} may be null. */
public record ClockRange(Instant start, Instant end) implements PlayRange {
    public ClockRange {
        if (start == null) {
            throw new IllegalArgumentException("clock range needs a start");
        }
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("clock end before start");
        }
    }
}
