package io.tributary.auth.digest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Nonces are checked without being stored: by their MAC, their client and their age. */
class NoncesTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.7", 50000);
    private static final Duration LIFETIME = Duration.ofSeconds(300);

    private final TestClock clock = new TestClock();
    private final Nonces nonces = new Nonces(clock, new SecureRandom());

    @Test
    void issuedNonceIsFreshForItsClientUntilItsLifetimeEnds() {
        String nonce = nonces.issue(CLIENT);
        assertEquals(Nonces.Check.FRESH, nonces.check(nonce, CLIENT, LIFETIME));
        clock.advance(LIFETIME);
        assertEquals(Nonces.Check.FRESH, nonces.check(nonce, CLIENT, LIFETIME));
        clock.advance(Duration.ofMillis(1));
        assertEquals(Nonces.Check.EXPIRED, nonces.check(nonce, CLIENT, LIFETIME));
    }

    @Test
    void nonceIsUrlSafeAndNeverRepeats() {
        String nonce = nonces.issue(CLIENT);
        assertTrue(nonce.matches("[A-Za-z0-9_-]{43}"), nonce);
        assertNotEquals(nonce, nonces.issue(CLIENT));
    }

    @Test
    void nonceFromTheFutureIsExpired() {
        String nonce = nonces.issue(CLIENT);
        clock.advance(Duration.ofMillis(-1)); // the wall clock went back
        assertEquals(Nonces.Check.EXPIRED, nonces.check(nonce, CLIENT, LIFETIME));
    }

    @Test
    void nonceOfAnotherInstanceOrClientIsForeign() {
        String nonce = nonces.issue(CLIENT);
        Nonces restarted = new Nonces(clock, new SecureRandom());
        assertEquals(Nonces.Check.FOREIGN, restarted.check(nonce, CLIENT, LIFETIME));
        assertEquals(Nonces.Check.FOREIGN, nonces.check(nonce, new InetSocketAddress("192.0.2.8", 50000), LIFETIME));
        assertEquals(Nonces.Check.FRESH, nonces.check(nonce, new InetSocketAddress("192.0.2.7", 1), LIFETIME));
    }

    @Test
    void alteredMalformedOrNonCanonicalNoncesAreForeign() {
        String nonce = nonces.issue(CLIENT);
        byte[] bytes = Base64.getUrlDecoder().decode(nonce);
        bytes[3] ^= 1; // a later issue time
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertEquals(Nonces.Check.FOREIGN, nonces.check(altered, CLIENT, LIFETIME));
        assertEquals(Nonces.Check.FOREIGN, nonces.check(nonce + "=", CLIENT, LIFETIME));
        assertEquals(Nonces.Check.FOREIGN, nonces.check(nonce.substring(1), CLIENT, LIFETIME));
        assertEquals(Nonces.Check.FOREIGN, nonces.check("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", CLIENT, LIFETIME));
        assertEquals(Nonces.Check.FOREIGN, nonces.check("", CLIENT, LIFETIME));
    }

    @Test
    void anotherSpellingOfTheSameBytesIsForeign() {
        String nonce = nonces.issue(CLIENT);
        // 43 characters carry 258 bits for 256: the last character's lowest bit is unused
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String respelled = nonce.substring(0, 42) + alphabet.charAt(alphabet.indexOf(nonce.charAt(42)) ^ 1);
        assertArrayEquals(Base64.getUrlDecoder().decode(nonce), Base64.getUrlDecoder().decode(respelled));
        assertEquals(Nonces.Check.FOREIGN, nonces.check(respelled, CLIENT, LIFETIME));
    }
}
