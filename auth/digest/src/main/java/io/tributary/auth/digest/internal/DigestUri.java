package io.tributary.auth.digest.internal;

import java.util.regex.Pattern;

/**
 * Whether an answer's {@code uri} names the request's resource (RFC 7616 §3.4.6), so an answer
 * recorded for one path cannot open another. Clients disagree on the form: most copy the
 * request line ({@code rtsp://host:port/p}), some send only the path, some add or drop a
 * trailing slash; those are the same resource.
 */
final class DigestUri {
    private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private DigestUri() {
    }

    static boolean matches(String presented, String requested) {
        String a = withoutTrailingSlash(presented);
        String b = withoutTrailingSlash(requested);
        if (a.equals(b)) {
            return true;
        }
        boolean aAbsolute = ABSOLUTE.matcher(a).lookingAt();
        if (aAbsolute == ABSOLUTE.matcher(b).lookingAt()) {
            return false;
        }
        return aAbsolute ? path(a).equals(b) : path(b).equals(a);
    }

    /** The path (and query) of an absolute URI; {@code /} when it has none. */
    private static String path(String absolute) {
        int slash = absolute.indexOf('/', absolute.indexOf("://") + 3);
        return slash < 0 ? "/" : withoutTrailingSlash(absolute.substring(slash));
    }

    private static String withoutTrailingSlash(String uri) {
        return uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
