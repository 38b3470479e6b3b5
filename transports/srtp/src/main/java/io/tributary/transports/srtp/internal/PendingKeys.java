package io.tributary.transports.srtp.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.tributary.api.transport.ControlChannel;
import io.tributary.rtsp.srtp.SrtpPolicy;
import java.util.concurrent.TimeUnit;

/**
 * Keys a DESCRIBE handed to one client, waiting for that client's SETUP on the same
 * connection: a file's (its session gets its own timeline and SSRC only at SETUP) and those
 * of readers with keys of their own. Bounded, and forgotten a minute after the DESCRIBE, so
 * that clients that describe and never set up cost nothing lasting.
 */
final class PendingKeys {
    static final long LIFETIME_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** One track described on one connection. */
    record Id(ControlChannel connection, String path, int track) {
    }

    private final Cache<Id, SrtpPolicy> keys;

    PendingKeys(int max, Ticker ticker) {
        keys = Caffeine.newBuilder()
                .maximumSize(max)
                .expireAfterWrite(LIFETIME_NANOS, TimeUnit.NANOSECONDS)
                .ticker(ticker)
                // clean up on the caller's thread: no pool task outlives the component
                .executor(Runnable::run)
                .build();
    }

    /** Remembers the key described last for {@code id}; an earlier one is replaced. */
    void put(Id id, SrtpPolicy key) {
        keys.put(id, key);
    }

    /** The key described for {@code id}, or null. It stays until {@link #remove}: a SETUP may be retried. */
    SrtpPolicy find(Id id) {
        return keys.getIfPresent(id);
    }

    /** The SETUP of {@code id} succeeded with {@code key}. */
    void remove(Id id, SrtpPolicy key) {
        keys.asMap().remove(id, key);
    }

    long size() {
        keys.cleanUp();
        return keys.estimatedSize();
    }
}
