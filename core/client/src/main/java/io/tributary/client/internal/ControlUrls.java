package io.tributary.client.internal;

import io.tributary.rtsp.message.RtspHeaders;
import java.util.Locale;

/**
 * Where requests for a description and its tracks go (RFC 2326 §C.1.1), resolved the way
 * live555 and ffmpeg do it, because that is what camera firmware is tested against:
 * a relative control is appended to the base URL after a {@code /}, so a query stays where
 * the server put it ({@code rtsp://cam/s?x=1} + {@code trackID=1} →
 * {@code rtsp://cam/s?x=1/trackID=1}; Dahua's base {@code …?channel=1&subtype=0/} +
 * {@code trackID=0} → {@code …?channel=1&subtype=0/trackID=0}). RFC 3986 resolution
 * would drop the last path segment and the query, which no camera expects.
 */
public final class ControlUrls {
    private ControlUrls() {
    }

    /**
     * The base URL of a DESCRIBE reply: {@code Content-Base}, else {@code Content-Location},
     * else the request URL. A relative header value resolves against the request URL. Never
     * with user info: the URLs of a session go on the wire and into logs.
     */
    public static String base(RtspHeaders headers, String requestUrl) {
        for (String name : new String[] {RtspHeaders.CONTENT_BASE, "Content-Location"}) {
            String value = headers.get(name);
            if (value != null && !value.isBlank()) {
                return withoutUserInfo(resolve(requestUrl, value.trim()));
            }
        }
        return withoutUserInfo(requestUrl);
    }

    /**
     * {@code control} against {@code base}: null, empty and {@code *} mean the base itself;
     * an absolute URL stands as is; {@code /path} replaces the path; anything else is appended
     * after a {@code /}. Never throws.
     */
    public static String resolve(String base, String control) {
        if (control == null) {
            return base;
        }
        String c = control.trim();
        if (c.isEmpty() || c.equals("*")) {
            return base;
        }
        if (isAbsolute(c)) {
            return c;
        }
        if (c.startsWith("/")) {
            return origin(base) + c;
        }
        return base.endsWith("/") ? base + c : base + "/" + c;
    }

    /** {@code scheme://…}: an RTSP-family URL (or any other scheme with an authority). */
    public static boolean isAbsolute(String url) {
        int colon = url.indexOf("://");
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char ch = url.charAt(i);
            boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                    || (i > 0 && ((ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code scheme://authority} of {@code url}, or {@code url} when it has no scheme. */
    static String origin(String url) {
        int colon = url.indexOf("://");
        if (colon < 0) {
            return url;
        }
        int end = url.length();
        for (int i = colon + 3; i < url.length(); i++) {
            char ch = url.charAt(i);
            if (ch == '/' || ch == '?' || ch == '#') {
                end = i;
                break;
            }
        }
        return url.substring(0, end);
    }

    /** Servers never need our credentials echoed into URLs we log and send. */
    static String withoutUserInfo(String url) {
        String origin = origin(url);
        int at = origin.lastIndexOf('@');
        if (at < 0 || !isAbsolute(url)) {
            return url;
        }
        return origin.substring(0, origin.indexOf("://") + 3) + url.substring(at + 1);
    }

    /** Equality as servers mean it: scheme and host case-insensitive, port 554
     * implied, one trailing slash ignored. */
    static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static String normalise(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String origin = origin(u);
        String o = origin.toLowerCase(Locale.ROOT);
        if (o.startsWith("rtsp://") && o.endsWith(":554")) {
            o = o.substring(0, o.length() - 4);
        }
        return o + u.substring(origin.length());
    }
}
