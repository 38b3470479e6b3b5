package io.tributary.client.internal;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Ends playback that went silent: checks on the event loop's timer when the last packet
 * arrived and fires once when that was longer ago than the timeout. One timer per session,
 * rescheduled for the remaining time, so a busy stream costs nothing per packet but a
 * clock read.
 */
final class MediaWatchdog {
    private final EventExecutor loop;
    private final long timeoutNanos;
    private final LongSupplier lastMediaNanos;
    private final Runnable onSilence;
    private ScheduledFuture<?> check;

    MediaWatchdog(EventExecutor loop, long timeoutNanos, LongSupplier lastMediaNanos, Runnable onSilence) {
        this.loop = loop;
        this.timeoutNanos = timeoutNanos;
        this.lastMediaNanos = lastMediaNanos;
        this.onSilence = onSilence;
    }

    void start() {
        stop();
        schedule(timeoutNanos);
    }

    void stop() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    private void schedule(long delayNanos) {
        check = loop.schedule(this::check, Math.max(delayNanos, TimeUnit.MILLISECONDS.toNanos(10)),
                TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (check == null) {
            return;
        }
        long silent = System.nanoTime() - lastMediaNanos.getAsLong();
        if (silent >= timeoutNanos) {
            check = null;
            onSilence.run();
        } else {
            schedule(timeoutNanos - silent);
        }
    }
}
