package io.tributary.transports.multicast.internal;

/**
 * The RTP ports groups may use: the even ports from {@code first} to {@code last}, each with
 * the next port for RTCP ({@code 20000-29998}: 5000 pairs, the last one 29998-29999).
 *
 * @param first the first RTP port (even, 1024 or above)
 * @param last  the last port an RTP port may be (at most 65534)
 */
record PortPairs(int first, int last) {
    PortPairs {
        if (first < 1024 || first % 2 != 0 || last < first || last > 65534) {
            throw new IllegalArgumentException("bad port range " + first + "-" + last);
        }
    }

    /**
     * Parses {@code first-last}.
     *
     * @throws IllegalArgumentException when malformed, below 1024, above 65534 or starting on an odd port
     */
    static PortPairs parse(String text) {
        String trimmed = text.trim();
        int dash = trimmed.indexOf('-');
        int first = dash < 0 ? -1 : number(trimmed.substring(0, dash).trim());
        int last = dash < 0 ? -1 : number(trimmed.substring(dash + 1).trim());
        if (first < 0 || last < 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not a port range first-last, e.g. 20000-29998");
        }
        if (first < 1024) {
            throw new IllegalArgumentException("port range " + trimmed + " starts below 1024 (system services)");
        }
        if (first % 2 != 0) {
            throw new IllegalArgumentException("port range " + trimmed + " starts on an odd port: RTP ports are"
                    + " even, RTCP the next one");
        }
        if (last < first || last > 65534) {
            throw new IllegalArgumentException("port range " + trimmed + " must end at or after its start and at"
                    + " most at 65534");
        }
        return new PortPairs(first, last);
    }

    /** How many pairs the range holds. */
    int count() {
        return (last - first) / 2 + 1;
    }

    /** The RTP port of pair {@code index}. */
    int rtpPort(int index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException(index);
        }
        return first + 2 * index;
    }

    private static int number(String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
