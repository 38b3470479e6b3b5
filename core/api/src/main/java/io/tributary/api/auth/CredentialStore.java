package io.tributary.api.auth;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where users' secrets live. Stores keep only hashes; a scheme asks every store, in
 * ranking order, until one knows the user. Calls may block briefly (a slow hash).
 */
@ConsumerType
public interface CredentialStore {
    /** The outcome of a password check. */
    enum PasswordCheck { VALID, INVALID, UNKNOWN_USER }

    /** Checks a user's password (Basic, and the console's login). */
    PasswordCheck checkPassword(String user, char[] password);

    /**
     * The Digest {@code H(user:realm:password)} for an algorithm ({@code MD5}, {@code SHA-256}),
     * lower-case hex; empty when the user is unknown or the store has no such hash for this
     * realm and algorithm.
     */
    Optional<String> digestHa1(String user, String realm, String algorithm);
}
