package io.tributary.sources.relay.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to retry an upstream that failed: capped exponential backoff with "equal jitter".
 * After {@code n} consecutive failures the ceiling is {@code min · 2ⁿ}, at most {@code max},
 * and the wait is drawn uniformly from the upper half of it, never below {@code min}: the
 * first retry comes after {@code min}, later ones spread out so that many relays that lost
 * their cameras at once (a switch rebooted) do not retry in step.
 */
final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int failures;

    /** @param random uniform values in [0, 1) */
    Backoff(Duration min, Duration max, DoubleSupplier random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, not " + min + ", " + max);
        }
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The wait before the next attempt; counts one more failure. */
    synchronized Duration next() {
        long ceiling = ceilingMillis(failures);
        if (failures < Integer.MAX_VALUE) {
            failures++;
        }
        long half = ceiling / 2;
        long wait = half + (long) (random.getAsDouble() * (ceiling - half));
        return Duration.ofMillis(Math.max(minMillis, Math.min(ceiling, wait)));
    }

    /** The upstream worked: the next failure waits {@code min} again. */
    synchronized void reset() {
        failures = 0;
    }

    synchronized int failures() {
        return failures;
    }

    /** {@code min · 2ⁿ} capped at {@code max}, without overflowing for large {@code n}. */
    private long ceilingMillis(int n) {
        long ceiling = minMillis;
        for (int i = 0; i < n && ceiling < maxMillis; i++) {
            ceiling *= 2;
        }
        return Math.min(ceiling, maxMillis);
    }
}
