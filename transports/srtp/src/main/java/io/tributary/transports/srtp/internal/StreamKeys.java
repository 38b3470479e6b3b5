package io.tributary.transports.srtp.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The keys of live tracks, made at the first DESCRIBE and kept while readers use them. A key
 * nobody uses (its SETUP never came, or its last reader left) is forgotten after
 * {@link #UNUSED_LIFETIME_NANOS}; a reader that comes back within it gets the same key, and
 * the stream's sender goes on where it was. At most {@code max} keys: when full, unused keys
 * go first, oldest first; when every key is in use, a new stream is refused (503).
 *
 * <p>Not on the packet path: only DESCRIBE, SETUP and the end of a session come here.
 */
final class StreamKeys {
    static final long UNUSED_LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int max;
    private final Ticker ticker;
    private final Function<StreamKey.Id, StreamKey> maker;
    private final Map<StreamKey.Id, StreamKey> keys = new HashMap<>();
    private long lastSweepNanos;

    /** @param maker makes the key of a track seen for the first time (at the ticker's time) */
    StreamKeys(int max, Ticker ticker, Function<StreamKey.Id, StreamKey> maker) {
        this.max = max;
        this.ticker = ticker;
        this.maker = maker;
        this.lastSweepNanos = ticker.read();
    }

    /** The key of {@code id} for a DESCRIBE: the one in use, or a new one; either stays for the SETUP to come. */
    synchronized StreamKey describe(StreamKey.Id id) {
        long now = ticker.read();
        sweep(now, false);
        StreamKey key = keys.get(id);
        if (key == null) {
            if (keys.size() >= max) {
                sweep(now, true);
                if (keys.size() >= max && !evictOldestUnused()) {
                    throw new RtspException(RtspStatus.SERVICE_UNAVAILABLE,
                            "SRTP keys of " + max + " live tracks are in use; no key for another one");
                }
            }
            key = maker.apply(id);
            keys.put(id, key);
        }
        if (key.users == 0) {
            key.idleSinceNanos = now;
        }
        return key;
    }

    /** The key a SETUP of {@code id} uses until {@link #release}, or null when none was described. */
    synchronized StreamKey acquire(StreamKey.Id id) {
        StreamKey key = keys.get(id);
        if (key == null || (key.users == 0 && ticker.read() - key.idleSinceNanos > UNUSED_LIFETIME_NANOS)) {
            return null;
        }
        key.users++;
        return key;
    }

    /** A binding that used {@code key} is gone. */
    synchronized void release(StreamKey key) {
        if (key.users > 0 && --key.users == 0) {
            key.idleSinceNanos = ticker.read();
        }
    }

    synchronized int size() {
        return keys.size();
    }

    /** Drops keys unused for too long; at most once a second unless {@code now} is asked for (the map is full). */
    private void sweep(long now, boolean force) {
        if (!force && now - lastSweepNanos < SWEEP_INTERVAL_NANOS) {
            return;
        }
        lastSweepNanos = now;
        keys.values().removeIf(k -> k.users == 0 && now - k.idleSinceNanos > UNUSED_LIFETIME_NANOS);
    }

    private boolean evictOldestUnused() {
        StreamKey oldest = null;
        for (StreamKey k : keys.values()) {
            if (k.users == 0 && (oldest == null || k.idleSinceNanos < oldest.idleSinceNanos)) {
                oldest = k;
            }
        }
        if (oldest == null) {
            return false;
        }
        keys.remove(oldest.id());
        return true;
    }
}
