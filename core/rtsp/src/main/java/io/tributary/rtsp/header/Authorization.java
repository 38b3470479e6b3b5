package io.tributary.rtsp.header;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The credentials of an {@code Authorization} header (RFC 7235 §4.2): {@code Basic <token68>}
 * (RFC 7617) or {@code Digest username="…", realm="…", …} (RFC 7616 §3.4).
 *
 * <p>{@link #toString()} never shows the parameters: credentials must not reach a log.
 *
 * @param scheme the scheme as sent
 * @param params auth-params by lower-cased name in the order given, values unquoted; a
 *               token68 (Basic) under the empty name
 */
public record Authorization(String scheme, Map<String, String> params) {
    /** Parameters a client writes without quotes (RFC 7616 §3.4). */
    private static final Set<String> BARE = Set.of("algorithm", "qop", "nc", "userhash");
    /** Longest value accepted: real credentials are a few hundred bytes. */
    private static final int MAX_LENGTH = 4096;

    public Authorization {
        Objects.requireNonNull(scheme, "scheme");
        if (!AuthParamParser.isToken(scheme)) {
            throw new IllegalArgumentException("scheme must be a token");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        params.forEach((name, value) -> copy.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, name)));
        params = Collections.unmodifiableMap(copy);
    }

    /** Credentials from alternating parameter names and values, in that order. */
    public static Authorization of(String scheme, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must pair up");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int k = 0; k < namesAndValues.length; k += 2) {
            params.put(namesAndValues[k], namesAndValues[k + 1]);
        }
        return new Authorization(scheme, params);
    }

    /**
     * Parses one {@code Authorization} value. Credentials of exactly one scheme, else 400;
     * unquoting and escapes as in {@link Challenge#parseAll}.
     */
    public static Authorization parse(String value) {
        if (value == null || value.isBlank()) {
            throw bad("empty Authorization");
        }
        if (value.length() > MAX_LENGTH) {
            throw bad("Authorization too long");
        }
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw bad("control character in Authorization");
            }
        }
        List<AuthParamParser.Item> items = AuthParamParser.parse(value);
        if (items.size() != 1) {
            throw bad(items.isEmpty() ? "no scheme in Authorization" : "credentials of several schemes in Authorization");
        }
        return new Authorization(items.getFirst().scheme(), items.getFirst().params());
    }

    public boolean is(String name) {
        return scheme.equalsIgnoreCase(name);
    }

    /** The parameter {@code name} (case-insensitive), or null. */
    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** The token68 (Basic's base64 credentials), or null. */
    public String token68() {
        return params.get("");
    }

    /** The header value, with {@code algorithm}, {@code qop} and {@code nc} unquoted as RFC 7616 writes them. */
    public String format() {
        return AuthParamParser.format(scheme, params, BARE);
    }

    @Override
    public String toString() {
        return "Authorization[" + scheme + " ***]";
    }

    private static RtspException bad(String reason) {
        return new RtspException(RtspStatus.BAD_REQUEST, reason);
    }
}
