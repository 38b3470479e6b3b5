package io.tributary.auth.users.internal.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password hash as stored: {@code pbkdf2-sha512:<iterations>:<salt base64>:<hash base64>}
 * (PBKDF2 with HMAC-SHA512 over the password's UTF-8 bytes, as the JDK's
 * {@code PBKDF2WithHmacSHA512} computes it). New hashes use {@value #ITERATIONS} iterations
 * (OWASP's figure for PBKDF2-HMAC-SHA512), a {@value #SALT_BYTES}-byte random salt and a
 * {@value #HASH_BYTES}-byte hash; stored hashes are checked with their own parameters, so the
 * figures can grow without invalidating old files.
 *
 * @param iterations PBKDF2 iterations
 * @param salt       the salt
 * @param hash       the derived key
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {
    public static final String SCHEME = "pbkdf2-sha512";
    public static final int ITERATIONS = 210_000;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    /** More iterations than this in a stored hash are refused: checking it would take minutes. */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";

    public PasswordHash {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1 to " + MAX_ITERATIONS);
        }
        if (salt.length < 8 || salt.length > 64) {
            throw new IllegalArgumentException("the salt must have 8 to 64 bytes");
        }
        if (hash.length < 16 || hash.length > 64) {
            throw new IllegalArgumentException("the hash must have 16 to 64 bytes");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** Hashes a new password with a fresh salt and today's parameters. */
    public static PasswordHash create(char[] password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(ITERATIONS, salt, derive(password, salt, ITERATIONS, HASH_BYTES));
    }

    /**
     * Reads a stored hash.
     *
     * @throws IllegalArgumentException saying what is wrong, without repeating the value
     */
    public static PasswordHash parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not of the form " + SCHEME + ":<iterations>:<salt>:<hash>");
        }
        String count = parts[1];
        if (count.isEmpty() || count.length() > 9 || !count.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("the iteration count is not a number");
        }
        return new PasswordHash(Integer.parseInt(count), base64(parts[2], "salt"), base64(parts[3], "hash"));
    }

    /** {@code true} when the password is the one hashed; compares in constant time. */
    public boolean verify(char[] password) {
        if (password.length == 0) {
            return false; // never created (refused), and the JDK's PBKDF2 refuses empty keys
        }
        return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that && iterations == that.iterations
                && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return (iterations * 31 + Arrays.hashCode(salt)) * 31 + Arrays.hashCode(hash);
    }

    /** The stored form, {@code pbkdf2-sha512:<iterations>:<salt>:<hash>}. */
    @Override
    public String toString() {
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + ":" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not base64", e);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }
}
