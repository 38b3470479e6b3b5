package io.tributary.auth.digest.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;

/**
 * The nonce counts used with each nonce, so a recorded answer cannot be played again (RFC 7616
 * §5.3). Bounded: at most {@link #MAX_NONCES} nonces, each forgotten a nonce lifetime after
 * its first use, when the nonce itself is no longer accepted.
 */
final class NonceCounts {
    static final int MAX_NONCES = 100_000;

    private final Cache<String, NonceCountWindow> windows;

    NonceCounts(Duration nonceLifetime, InstantSource clock) {
        windows = Caffeine.newBuilder()
                .maximumSize(MAX_NONCES)
                .expireAfterWrite(nonceLifetime)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // clean up on the caller's thread: no pool task outlives the component
                .executor(Runnable::run)
                .build();
    }

    /** Records a nonce count used with a nonce; false when it is a replay. */
    boolean firstUse(String nonce, long nc) {
        return windows.get(nonce, unused -> new NonceCountWindow()).accept(nc);
    }
}
