package io.tributary.auth.users.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.tributary.auth.users.internal.account.PasswordHash;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.BiPredicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Password checks with a memory of recent successes. PBKDF2 at 210,000 iterations costs a
 * few hundred milliseconds, and the web console sends its Basic credentials with every
 * request; so a success is remembered for {@link #TTL} (at most {@link #MAX_ENTRIES} of them),
 * keyed by the user and an HMAC-SHA256 of the password under a key drawn at random when this
 * object is made. The password itself is never kept, and the keys are worthless after a
 * restart. A remembered success counts only for the very hash it was checked against, so a
 * changed password is checked afresh even before {@link #forget} runs. Failures are not
 * remembered.
 */
final class VerifiedPasswords {
    static final int MAX_ENTRIES = 1000;
    static final Duration TTL = Duration.ofMinutes(5);
    private static final String MAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Cache<Key, PasswordHash> verified;
    private final BiPredicate<PasswordHash, char[]> verifier;

    /** A cache on the system clock that checks passwords with PBKDF2. */
    VerifiedPasswords() {
        this(Ticker.systemTicker(), PasswordHash::verify);
    }

    /**
     * @param ticker   the clock of the expiry (tests move it by hand)
     * @param verifier the slow check (tests count its calls)
     */
    VerifiedPasswords(Ticker ticker, BiPredicate<PasswordHash, char[]> verifier) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, MAC);
        Arrays.fill(random, (byte) 0);
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(TTL)
                .ticker(ticker)
                .executor(Runnable::run) // evict on the caller's thread: no pool threads from this bundle
                .build();
    }

    /** {@code true} when the password is the user's (the hash is the user's current one). */
    boolean check(String user, char[] password, PasswordHash hash) {
        Key key = new Key(user, mac(password));
        if (hash.equals(verified.getIfPresent(key))) {
            return true;
        }
        if (!verifier.test(hash, password)) {
            return false;
        }
        verified.put(key, hash);
        return true;
    }

    /** Forgets the successes of a user (their configuration changed or went). */
    void forget(String user) {
        verified.asMap().keySet().removeIf(key -> key.user().equals(user));
    }

    /** How many successes are remembered (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private String mac(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(bytes);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " is part of every JDK: " + e.getMessage(), e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    /** A remembered success: the user and the HMAC of the password (never the password). */
    private record Key(String user, String mac) {
    }
}
