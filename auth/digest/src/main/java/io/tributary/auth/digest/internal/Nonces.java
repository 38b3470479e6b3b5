package io.tributary.auth.digest.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless server nonces: base64url(issue time ‖ 8 random bytes ‖ MAC), where the MAC is the
 * first 16 bytes of HMAC-SHA256 over time, random bytes and the client's IP address, keyed
 * with a secret drawn at start. Nothing is stored per nonce, so challenges cost no memory; a
 * nonce from before a restart is simply foreign, and the client is challenged again.
 */
final class Nonces {
    /** What a presented nonce is. */
    enum Check {
        /** Ours, for this client, within its lifetime. */
        FRESH,
        /** Ours, but too old (or from a clock that has since gone back). */
        EXPIRED,
        /** Not ours: from before a restart, for another client, or made up. */
        FOREIGN
    }

    private static final int TIME_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final InstantSource clock;
    private final SecureRandom random;

    Nonces(InstantSource clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        key = new SecretKeySpec(secret, HMAC);
        Arrays.fill(secret, (byte) 0); // the key holds its own copy
    }

    /** A new nonce for a client. */
    String issue(InetSocketAddress client) {
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES).putLong(clock.millis());
        byte[] salt = new byte[RANDOM_BYTES];
        random.nextBytes(salt);
        nonce.put(salt).put(mac(nonce.array(), client), 0, MAC_BYTES);
        return ENCODER.encodeToString(nonce.array());
    }

    /** Whether a nonce is one this instance issued to this client, and still good for {@code lifetime}. */
    Check check(String nonce, InetSocketAddress client, Duration lifetime) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException notBase64) {
            return Check.FOREIGN;
        }
        // Only the canonical spelling: one nonce, one key for its nonce counts.
        if (bytes.length != NONCE_BYTES || !ENCODER.encodeToString(bytes).equals(nonce)) {
            return Check.FOREIGN;
        }
        byte[] expected = Arrays.copyOf(mac(bytes, client), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, TIME_BYTES + RANDOM_BYTES, NONCE_BYTES))) {
            return Check.FOREIGN;
        }
        long age = clock.millis() - ByteBuffer.wrap(bytes).getLong();
        return age >= 0 && age <= lifetime.toMillis() ? Check.FRESH : Check.EXPIRED;
    }

    private byte[] mac(byte[] nonce, InetSocketAddress client) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(nonce, 0, TIME_BYTES + RANDOM_BYTES);
            InetAddress address = client.getAddress();
            if (address != null) {
                mac.update(address.getAddress());
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " missing from the JDK", e);
        }
    }
}
