package io.tributary.auth.httphook.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The hook service's address, checked. User info in the configured URL is not sent in the
 * URL (Java's client would drop it) but as Basic credentials, as Go's HTTP client does for
 * MediaMTX's {@code authHTTPAddress}. {@link #toString()} is {@link #redacted()}.
 *
 * @param target        the URL to POST to, without user info
 * @param authorization the {@code Authorization} header value for the user info, or null
 * @param redacted      the URL for logs: no user info, no query (it may hold a token)
 */
record HookUrl(URI target, String authorization, String redacted) {

    /**
     * Checks a configured URL.
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the URL (it may hold a password)
     */
    static HookUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("url is missing");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url must start with http:// or https://"
                    + (scheme.isEmpty() ? "" : ", not " + scheme + "://"));
        }
        if (uri.isOpaque() || uri.getHost() == null) {
            throw new IllegalArgumentException("url has no host name or address that can be used");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("url must not have a fragment (#...)");
        }
        String origin = scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new HookUrl(URI.create(origin + path + query), basic(uri.getUserInfo()), origin + path);
    }

    /** {@code user:password} (decoded) as a Basic header value; a user without {@code :} has an empty password. */
    private static String basic(String userInfo) {
        if (userInfo == null) {
            return null;
        }
        String pair = userInfo.indexOf(':') < 0 ? userInfo + ":" : userInfo;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return redacted;
    }
}
