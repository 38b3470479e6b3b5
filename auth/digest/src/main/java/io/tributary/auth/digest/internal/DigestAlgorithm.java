package io.tributary.auth.digest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** The Digest algorithms this server checks (RFC 7616 §3.3): a hash function, plain or {@code -sess}. */
enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    MD5_SESS("MD5-sess", "MD5"),
    SHA_256("SHA-256", "SHA-256"),
    SHA_256_SESS("SHA-256-sess", "SHA-256");

    /** The token as challenges write it. */
    final String token;
    /** The hash function's name, for the JDK and for {@code CredentialStore.digestHa1}. */
    final String hash;
    /** {@code -sess}: HA1 also covers the nonce and the client nonce. */
    final boolean session;

    DigestAlgorithm(String token, String hash) {
        this.token = token;
        this.hash = hash;
        this.session = token.endsWith("-sess");
    }

    /** The algorithm a token names, ignoring case; empty when this server does not know it. */
    static Optional<DigestAlgorithm> of(String token) {
        String wanted = token.strip().toLowerCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.token.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The lower-case hex hash of UTF-8 text. */
    String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(hash).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hash + " missing from the JDK", e);
        }
    }
}
