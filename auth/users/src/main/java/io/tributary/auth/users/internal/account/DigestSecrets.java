package io.tributary.auth.users.internal.account;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * What Digest authentication needs of a password: {@code HA1 = H(user:realm:password)},
 * lower-case hex, for MD5 and SHA-256. Digest checks a response against HA1 itself, so it
 * cannot work from a slow salted hash: these values are stored beside the PBKDF2 hash. They
 * are bound to one realm, and anyone who reads them can answer Digest challenges of that
 * realm as the user (not log in with Basic, nor elsewhere): the files holding them are
 * private (mode 0600). After the realm changes they no longer match, and the password must
 * be set again.
 *
 * @param realm  the realm the values were computed for; empty when there are none
 * @param md5    HA1 with MD5 (32 hex digits), or empty
 * @param sha256 HA1 with SHA-256 (64 hex digits), or empty
 */
public record DigestSecrets(String realm, String md5, String sha256) {
    public static final DigestSecrets NONE = new DigestSecrets("", "", "");
    /** Digest's name and the JDK's name of each algorithm. */
    public static final String MD5 = "MD5";
    public static final String SHA_256 = "SHA-256";

    public DigestSecrets {
        if (!md5.isEmpty() && !isHex(md5, 32)) {
            throw new IllegalArgumentException("the MD5 HA1 is not 32 hex digits");
        }
        if (!sha256.isEmpty() && !isHex(sha256, 64)) {
            throw new IllegalArgumentException("the SHA-256 HA1 is not 64 hex digits");
        }
        md5 = md5.toLowerCase(Locale.ROOT);
        sha256 = sha256.toLowerCase(Locale.ROOT);
    }

    /** The values for a password in a realm. */
    public static DigestSecrets compute(String user, String realm, char[] password) {
        return new DigestSecrets(realm, ha1(MD5, user, realm, password), ha1(SHA_256, user, realm, password));
    }

    /**
     * The stored HA1 for a realm and a Digest algorithm name ({@code MD5}, {@code SHA-256},
     * any case); empty for another realm, another algorithm, or none stored.
     */
    public Optional<String> ha1(String forRealm, String algorithm) {
        if (realm.isEmpty() || !realm.equals(forRealm) || algorithm == null) {
            return Optional.empty();
        }
        String value = algorithm.equalsIgnoreCase(MD5) ? md5 : algorithm.equalsIgnoreCase(SHA_256) ? sha256 : "";
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** {@code H(user:realm:password)} in lower-case hex, over UTF-8 (RFC 7616 with charset=UTF-8). */
    public static String ha1(String algorithm, String user, String realm, char[] password) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("no such digest algorithm: " + algorithm, e);
        }
        digest.update((user + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
        ByteBuffer secret = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[secret.remaining()];
        secret.get(bytes);
        digest.update(bytes);
        Arrays.fill(bytes, (byte) 0);
        if (secret.hasArray()) {
            Arrays.fill(secret.array(), (byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean isHex(String text, int length) {
        return text.length() == length && text.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f'
                || c >= 'A' && c <= 'F');
    }
}
