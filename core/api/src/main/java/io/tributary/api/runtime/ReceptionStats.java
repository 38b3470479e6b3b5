package io.tributary.api.runtime;

/**
 * What a reader's RTCP receiver reports (RFC 3550 §6.4.2) say about its reception, for the
 * track doing worst.
 *
 * @param reports        receiver reports received so far (all tracks)
 * @param fractionLost   loss since the previous report, in 1/256 (0 when no report yet)
 * @param cumulativeLost packets lost since the start, as the client counts them
 * @param jitterMillis   interarrival jitter in milliseconds
 */
public record ReceptionStats(long reports, int fractionLost, long cumulativeLost, double jitterMillis) {
    /** No report received yet. */
    public static final ReceptionStats NONE = new ReceptionStats(0, 0, 0, 0);

    /** Loss since the previous report in percent. */
    public double lossPercent() {
        return fractionLost * 100.0 / 256;
    }
}
