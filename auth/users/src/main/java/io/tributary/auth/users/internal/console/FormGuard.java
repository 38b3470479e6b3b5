package io.tributary.auth.users.internal.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * Lets through only the POSTs that come from the tab's own page. The console logs in with HTTP
 * Basic, and a browser adds those credentials to any request to the console, also to a form
 * that a foreign page posts to it (cross-site request forgery). Two checks, each enough alone
 * in a current browser, together for older ones and for what one of them misses:
 * <ul>
 * <li>the {@code Origin} header (or, without it, the {@code Referer}) must be the console's own
 *     scheme://host:port; a request with neither is refused, since every browser sends one of
 *     them with a form post unless told to hide where it comes from;</li>
 * <li>the form must carry this start's random token, which only a page of the console holds
 *     (another site cannot read the console's pages). It is compared in constant time.</li>
 * </ul>
 */
final class FormGuard {
    private static final int TOKEN_BYTES = 32;

    private final String token;

    FormGuard(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token the page's forms carry in their hidden field. */
    String token() {
        return token;
    }

    /** {@code true} when the form carried this start's token. */
    boolean validToken(String presented) {
        return presented != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code true} when the {@code Origin} header, or the {@code Referer} when there is no
     * {@code Origin}, names the scheme, host and port the request came to.
     */
    static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source == null) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(source.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null || request.getScheme() == null || request.getServerName() == null) {
            return false; // "Origin: null" (a sandboxed or privacy-hidden page) has neither
        }
        return scheme.equalsIgnoreCase(request.getScheme())
                && bare(host).equals(bare(request.getServerName()))
                && port(uri.getPort(), scheme) == port(request.getServerPort(), request.getScheme());
    }

    /** A host name in lower case, an IPv6 address without its brackets. */
    private static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    private static int port(int port, String scheme) {
        if (port > 0) {
            return port;
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }
}
