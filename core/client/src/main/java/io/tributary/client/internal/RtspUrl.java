package io.tributary.client.internal;

import io.tributary.client.Credentials;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An {@code rtsp://[user[:password]@]host[:port][/path][?query]} URL taken apart by hand:
 * camera passwords often hold {@code @}, {@code :} or {@code /} unescaped, which
 * {@link java.net.URI} rejects. The user info ends at the last {@code @} of the authority.
 *
 * @param scheme      lower-cased: {@code rtsp}
 * @param credentials from the user info, percent-decoded; null when there is none
 * @param host        without brackets for IPv6
 * @param port        the port, 554 when absent
 * @param requestUrl  the URL without user info, as requests carry it
 */
public record RtspUrl(String scheme, Credentials credentials, String host, int port, String requestUrl) {
    public static final int DEFAULT_PORT = 554;

    /** @throws IllegalArgumentException with a message that holds no credentials */
    public static RtspUrl parse(String url) {
        if (url == null) {
            throw new IllegalArgumentException("no URL");
        }
        String u = url.trim();
        int colon = u.indexOf("://");
        String scheme = colon < 0 ? "" : u.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp")) {
            throw new IllegalArgumentException("not an rtsp:// URL");
        }
        int authStart = colon + 3;
        // user info ends at the last '@' before the path, as ffmpeg reads it: passwords may hold
        // '@' and ':' unescaped; a '/' in a password must be written %2F
        int authEnd = firstOf(u, "/?#", authStart);
        int at = u.lastIndexOf('@', (authEnd < 0 ? u.length() : authEnd) - 1);
        if (at < authStart) {
            at = -1;
        }
        int hostStart = at < 0 ? authStart : at + 1;
        int pathStart = firstOf(u, "/?#", hostStart);
        String authority = u.substring(hostStart, pathStart < 0 ? u.length() : pathStart);
        String rest = pathStart < 0 ? "" : u.substring(pathStart);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash).trim(); // a fragment is never sent
        }
        String host;
        int port = DEFAULT_PORT;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unbalanced [ in the host of rtsp://" + authority);
            }
            host = authority.substring(1, close);
            if (close + 1 < authority.length()) {
                if (authority.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("bad host in rtsp://" + authority);
                }
                portText = authority.substring(close + 2);
            }
        } else {
            int c = authority.lastIndexOf(':');
            host = c < 0 ? authority : authority.substring(0, c);
            portText = c < 0 ? null : authority.substring(c + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in the URL");
        }
        if (host.chars().anyMatch(ch -> ch <= ' ' || ch == 0x7F)) {
            throw new IllegalArgumentException("spaces or control characters in the host");
        }
        if (portText != null && !portText.isEmpty()) {
            if (portText.length() > 5 || !portText.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new IllegalArgumentException("bad port in rtsp://" + authority);
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("bad port in rtsp://" + authority);
            }
        }
        Credentials credentials = null;
        if (at >= 0) {
            String userInfo = u.substring(authStart, at);
            int c = userInfo.indexOf(':');
            credentials = new Credentials(decode(c < 0 ? userInfo : userInfo.substring(0, c)),
                    c < 0 ? "" : decode(userInfo.substring(c + 1)));
        }
        return new RtspUrl(scheme, credentials, host, port, scheme + "://" + authority + rest);
    }

    /** {@code url} without its user info, for logs; the input when it is not an RTSP URL. */
    public static String redact(String url) {
        try {
            return parse(url).requestUrl();
        } catch (IllegalArgumentException e) {
            int at = url == null ? -1 : url.lastIndexOf('@');
            return at < 0 ? String.valueOf(url) : "***@" + url.substring(at + 1);
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

    /** Percent-decoding as UTF-8; a malformed escape stays as written ({@code +} is not a space). */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    @Override
    public String toString() {
        return requestUrl;
    }
}
