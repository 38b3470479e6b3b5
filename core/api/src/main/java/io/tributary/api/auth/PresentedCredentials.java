package io.tributary.api.auth;

import java.util.Map;
import java.util.Objects;

/**
 * Credentials a client presented that the server could not check itself, for an
 * {@link Authorizer} that can (an HTTP backend). {@link #toString()} hides the secrets.
 *
 * @param scheme   {@code Basic} or {@code Digest}
 * @param user     the user name the client gave
 * @param password the password (Basic), or null
 * @param digest   the Digest answer's parameters ({@code realm}, {@code nonce}, {@code uri},
 *                 {@code response}, {@code algorithm}, {@code qop}, {@code nc}, {@code cnonce})
 *                 plus {@code method}, with which a backend that knows the password can
 *                 check the answer; empty for Basic
 */
public record PresentedCredentials(String scheme, String user, String password, Map<String, String> digest) {
    public PresentedCredentials {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(user, "user");
        digest = Map.copyOf(digest);
    }

    @Override
    public String toString() {
        return "PresentedCredentials[" + scheme + " user=" + user + "]";
    }
}
