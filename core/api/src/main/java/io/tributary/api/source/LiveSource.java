package io.tributary.api.source;

import java.time.Duration;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source whose media happens now (publisher, camera relay). The engine starts it when a
 * path gets its first reader and hands it the {@link StreamPublisher} of the path's stream.
 */
@ConsumerType
public non-sealed interface LiveSource extends MediaSource {
    /** Starts delivering access units to {@code publisher}; must not block. */
    void start(StreamPublisher publisher);

    /**
     * How long the engine keeps the path's stream (and this source) after its last session
     * ends, so that the next reader starts at once: an on-demand relay's linger time.
     * The engine then calls {@link #close()}.
     */
    default Duration linger() {
        return Duration.ZERO;
    }
}
