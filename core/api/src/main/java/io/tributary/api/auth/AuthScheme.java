package io.tributary.api.auth;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One HTTP-style authentication scheme (Basic, Digest). Register with {@link #SCHEME}.
 * Authentication only says who the user is; {@link Authorizer} says what they may do.
 */
@ConsumerType
public interface AuthScheme {
    /** Service property: the scheme name as in {@code WWW-Authenticate}, e.g. {@code Digest}. */
    String SCHEME = "tributary.auth.scheme";

    /** The {@code WWW-Authenticate} values to send with a 401 (one per variant, e.g. SHA-256 and MD5). */
    java.util.List<String> challenges(AuthContext context, boolean stale);

    /**
     * Verifies the credentials of an {@code Authorization} header of this scheme.
     *
     * @param credentials the header value after the scheme name
     * @return the user, or empty when the credentials are wrong
     * @throws StaleNonceException when the credentials were right but the nonce has expired
     */
    Optional<UserPrincipal> authenticate(String credentials, AuthContext context) throws StaleNonceException;
}
