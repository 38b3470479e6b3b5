package io.tributary.auth.httphook.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the service is failing, so that an outage is logged once when it starts (and once
 * when it ends), not once per request.
 */
final class FailureEpisode {
    private final AtomicBoolean failing = new AtomicBoolean();

    /** Notes a failure; {@code true} when it starts an episode (the first after an answer, or ever). */
    boolean failed() {
        return failing.compareAndSet(false, true);
    }

    /** Notes an answer; {@code true} when it ends an episode. */
    boolean answered() {
        return failing.compareAndSet(true, false);
    }
}
