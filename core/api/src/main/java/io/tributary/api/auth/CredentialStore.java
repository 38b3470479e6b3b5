package io.tributary.api.auth;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/** Where users' secrets live. Stores may keep only hashes. */
@ConsumerType
public interface CredentialStore {
    /** {@code true} when the user exists and the password is right (Basic). */
    boolean verifyPassword(String user, char[] password);

    /**
     * The Digest {@code H(user:realm:password)} for an algorithm ({@code MD5}, {@code SHA-256}),
     * lower-case hex, or empty when the user is unknown or the store cannot produce it.
     */
    Optional<String> digestHa1(String user, String realm, String algorithm);
}
