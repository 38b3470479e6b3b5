package io.tributary.sources.relay.internal;

import java.util.Locale;

/**
 * An upstream {@code rtsp://} URL as configured, and the same URL without its user info, the only
 * form that may reach a log or an error message. The user info ends at the last {@code @} before
 * the path, as the RTSP client reads it (camera passwords often hold {@code @} or {@code :}).
 *
 * @param url      as configured, credentials included: only for the RTSP client
 * @param redacted without user info
 * @param hasUserInfo {@code true} when the URL carries a user (and perhaps a password)
 */
record UpstreamUrl(String url, String redacted, boolean hasUserInfo) {
    private static final String SCHEME = "rtsp://";
    /** Longer URLs are refused: a configuration value, not a payload. */
    static final int MAX_LENGTH = 4096;

    /** {@code true} when {@code source} names an RTSP upstream (and so belongs to this bundle). */
    static boolean isRtsp(String source) {
        return source != null && source.strip().toLowerCase(Locale.ROOT).startsWith(SCHEME);
    }

    /** @throws IllegalArgumentException with a message that holds no credentials */
    static UpstreamUrl parse(String source) {
        if (!isRtsp(source)) {
            throw new IllegalArgumentException("not an rtsp:// URL");
        }
        String url = source.strip();
        if (url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("URL longer than " + MAX_LENGTH + " characters");
        }
        int authorityStart = SCHEME.length();
        int pathStart = firstOf(url, "/?#", authorityStart);
        int authorityEnd = pathStart < 0 ? url.length() : pathStart;
        int at = url.lastIndexOf('@', authorityEnd - 1);
        boolean userInfo = at >= authorityStart;
        int hostStart = userInfo ? at + 1 : authorityStart;
        String hostAndPort = url.substring(hostStart, authorityEnd);
        String redacted = SCHEME + hostAndPort + url.substring(authorityEnd);
        if (url.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new IllegalArgumentException("spaces or control characters in " + redacted);
        }
        checkHostAndPort(hostAndPort, redacted);
        return new UpstreamUrl(url, redacted, userInfo);
    }

    /** A host (IPv6 in brackets) and an optional port 1–65535, as the RTSP client will want them. */
    private static void checkHostAndPort(String hostAndPort, String redacted) {
        String port;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 2 || (close + 1 < hostAndPort.length() && hostAndPort.charAt(close + 1) != ':')) {
                throw new IllegalArgumentException("bad IPv6 host in " + redacted);
            }
            port = close + 1 < hostAndPort.length() ? hostAndPort.substring(close + 2) : null;
        } else {
            int colon = hostAndPort.lastIndexOf(':');
            if ((colon < 0 ? hostAndPort.length() : colon) == 0) {
                throw new IllegalArgumentException("no host in " + redacted);
            }
            port = colon < 0 ? null : hostAndPort.substring(colon + 1);
        }
        if (port != null && !port.isEmpty()) {
            boolean digits = port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9');
            if (!digits || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new IllegalArgumentException("bad port in " + redacted);
            }
        }
    }

    private static int firstOf(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return redacted;
    }
}
