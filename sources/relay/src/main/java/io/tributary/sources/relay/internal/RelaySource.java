package io.tributary.sources.relay.internal;

import io.tributary.api.media.MediaDescription;
import io.tributary.api.source.LiveSource;
import io.tributary.api.source.StreamPublisher;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A relayed path as the engine opens it: the description the relay knew at that moment and,
 * once started, the engine's stream that the relay publishes to.
 */
final class RelaySource implements LiveSource {
    private final Relay relay;
    private final RelayedMedia media;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile StreamPublisher stream;

    RelaySource(Relay relay, RelayedMedia media) {
        this.relay = relay;
        this.media = media;
    }

    @Override
    public MediaDescription description() {
        return media.description();
    }

    RelayedMedia media() {
        return media;
    }

    @Override
    public void start(StreamPublisher publisher) {
        relay.attach(this, publisher);
    }

    @Override
    public Duration linger() {
        return relay.linger();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            relay.detach(this);
        }
    }

    /** The engine's stream, or null before start and after the relay ended it. */
    StreamPublisher stream() {
        return stream;
    }

    void stream(StreamPublisher relayed) {
        stream = relayed;
    }
}
