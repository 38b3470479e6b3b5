package io.tributary.rtsp.header;

/**
 * A port pair or interleaved channel pair such as {@code 5000-5001}; a single value has
 * {@code last == first}.
 */
public record PortRange(int first, int last) {
    public PortRange {
        if (first < 0 || first > 65535 || last < first || last > 65535) {
            throw new IllegalArgumentException("bad port range " + first + "-" + last);
        }
    }

    /** The usual RTP/RTCP pair: {@code first} and {@code first + 1}. */
    public static PortRange pair(int first) {
        return new PortRange(first, first + 1);
    }

    public boolean single() {
        return first == last;
    }

    @Override
    public String toString() {
        return single() ? Integer.toString(first) : first + "-" + last;
    }
}
