package io.tributary.rtsp.header;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235 §4.1, RFC 7616 §3.3,
 * RFC 7617 §2), e.g. {@code Digest realm="r", nonce="n", algorithm=MD5, qop="auth"}.
 *
 * @param scheme the scheme as sent, e.g. {@code Digest}
 * @param params auth-params by lower-cased name in the order given (that order is kept when
 *               formatting: some clients read {@code realm} and {@code nonce} only when they come
 *               first); values unquoted; a token68 is kept under the empty name
 */
public record Challenge(String scheme, Map<String, String> params) {
    /** Parameters a challenge writes without quotes (RFC 7616 §3.3). */
    private static final Set<String> BARE = Set.of("algorithm", "stale", "userhash", "charset");

    public Challenge {
        Objects.requireNonNull(scheme, "scheme");
        if (!AuthParamParser.isToken(scheme)) {
            throw new IllegalArgumentException("scheme must be a token: " + scheme);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        params.forEach((name, value) -> copy.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, name)));
        params = Collections.unmodifiableMap(copy);
    }

    /** A challenge from alternating parameter names and values, in that order. */
    public static Challenge of(String scheme, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must pair up");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int k = 0; k < namesAndValues.length; k += 2) {
            params.put(namesAndValues[k], namesAndValues[k + 1]);
        }
        return new Challenge(scheme, params);
    }

    /**
     * Every challenge of a response's {@code WWW-Authenticate} values, in order (a value may
     * hold several). Never throws: what cannot be read is skipped.
     */
    public static List<Challenge> parseAll(List<String> headerValues) {
        List<Challenge> challenges = new ArrayList<>();
        for (String value : headerValues) {
            if (value != null) {
                for (AuthParamParser.Item item : AuthParamParser.parse(value)) {
                    challenges.add(new Challenge(item.scheme(), item.params()));
                }
            }
        }
        return List.copyOf(challenges);
    }

    public boolean is(String name) {
        return scheme.equalsIgnoreCase(name);
    }

    /** The parameter {@code name} (case-insensitive), or null. */
    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** This challenge with one parameter added at the end (or replaced in place). */
    public Challenge with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new Challenge(scheme, copy);
    }

    /** The header value: quoted strings except for {@code algorithm}, {@code stale} and such tokens. */
    public String format() {
        return AuthParamParser.format(scheme, params, BARE);
    }
}
