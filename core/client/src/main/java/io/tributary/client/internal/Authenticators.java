package io.tributary.client.internal;

import io.tributary.client.Credentials;
import io.tributary.rtsp.header.Challenge;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/** Picks how to answer a 401: the strongest challenge we can compute. */
public final class Authenticators {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Authenticators() {
    }

    /** 16 random bytes in hex: RFC 7616 wants client nonces unpredictable. */
    public static String randomCnonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Digest SHA-512-256 over SHA-256 over MD5 over Basic; null when no challenge is usable
     * (none offered, unknown schemes or algorithms only).
     */
    public static Authenticator choose(List<Challenge> challenges, Credentials credentials,
            Supplier<String> cnonces) {
        DigestAuthenticator bestDigest = null;
        boolean basic = false;
        for (Challenge c : challenges) {
            if (c.is("Basic")) {
                basic = true;
            } else if (c.is("Digest")) {
                DigestAuthenticator d = DigestAuthenticator.from(c, credentials, cnonces);
                if (d != null && (bestDigest == null || d.strength() > bestDigest.strength())) {
                    bestDigest = d;
                }
            }
        }
        if (bestDigest != null) {
            return bestDigest;
        }
        return basic ? new BasicAuthenticator(credentials) : null;
    }

    /** Whether a 401 says our nonce merely expired ({@code stale=true}). */
    public static boolean stale(List<Challenge> challenges) {
        for (Challenge c : challenges) {
            if (c.is("Digest") && "true".equalsIgnoreCase(c.param("stale"))) {
                return true;
            }
        }
        return false;
    }
}
