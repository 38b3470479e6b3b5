package io.tributary.rtsp.header;

/**
 * A {@code Range} header value (RFC 2326 §12.29, RFC 7826 §18.40): normal play time or
 * absolute (clock) time. SMPTE ranges are answered with 457 by the parser.
 */
public sealed interface PlayRange permits NptRange, ClockRange {
}
