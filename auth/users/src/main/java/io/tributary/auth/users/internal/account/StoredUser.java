package io.tributary.auth.users.internal.account;

import java.util.Objects;

/**
 * A user's properties as stored, unparsed: a user file read by the command line, or the
 * configuration FileInstall made of it. Absent properties are empty strings.
 *
 * @param name         {@code name}
 * @param password     {@code password}: the PBKDF2 hash text
 * @param digestRealm  {@code digestRealm}: the realm of the Digest hashes
 * @param digestMd5    {@code digestMd5}: HA1 with MD5
 * @param digestSha256 {@code digestSha256}: HA1 with SHA-256
 * @param permit       {@code permit}: the permissions text
 */
public record StoredUser(String name, String password, String digestRealm, String digestMd5, String digestSha256,
                         String permit) {
    public StoredUser {
        name = Objects.requireNonNullElse(name, "");
        password = Objects.requireNonNullElse(password, "");
        digestRealm = Objects.requireNonNullElse(digestRealm, "");
        digestMd5 = Objects.requireNonNullElse(digestMd5, "");
        digestSha256 = Objects.requireNonNullElse(digestSha256, "");
        permit = Objects.requireNonNullElse(permit, "");
    }

    /** The same user with other permissions. */
    public StoredUser withPermit(String newPermit) {
        return new StoredUser(name, password, digestRealm, digestMd5, digestSha256, newPermit);
    }

    /** A user with a new password: its PBKDF2 hash and Digest values for the realm; the permissions stay. */
    public StoredUser withPassword(PasswordHash hash, DigestSecrets digest) {
        return new StoredUser(name, hash.toString(), digest.realm(), digest.md5(), digest.sha256(), permit);
    }

    /** Hides the secrets: a stored user may end up in a log line. */
    @Override
    public String toString() {
        return "StoredUser[name=" + name + ", permit=" + permit + "]";
    }
}
