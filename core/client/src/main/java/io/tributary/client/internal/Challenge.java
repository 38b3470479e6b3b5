package io.tributary.client.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235 §2.1).
 *
 * @param scheme the scheme as sent, e.g. {@code Digest}
 * @param params auth-params by lower-cased name, values unquoted; a token68 is kept under
 *               the empty name
 */
public record Challenge(String scheme, Map<String, String> params) {
    public Challenge {
        Objects.requireNonNull(scheme, "scheme");
        params = Map.copyOf(params);
    }

    public boolean is(String name) {
        return scheme.equalsIgnoreCase(name);
    }

    /** The parameter {@code name} (case-insensitive), or null. */
    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }
}
