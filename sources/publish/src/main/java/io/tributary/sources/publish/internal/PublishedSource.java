package io.tributary.sources.publish.internal;

import io.tributary.api.media.MediaDescription;
import io.tributary.api.source.LiveSource;
import io.tributary.api.source.StreamPublisher;

/** A published path as the engine opens it: the engine's stream gets the path's units while open. */
final class PublishedSource implements LiveSource {
    private final LivePath path;
    private StreamPublisher stream;

    PublishedSource(LivePath path) {
        this.path = path;
    }

    @Override
    public MediaDescription description() {
        return path.description();
    }

    @Override
    public synchronized void start(StreamPublisher publisher) {
        stream = publisher;
        path.attach(publisher);
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            path.detach(stream);
            stream = null;
        }
    }
}
