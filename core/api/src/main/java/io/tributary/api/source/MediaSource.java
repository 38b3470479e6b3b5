package io.tributary.api.source;

import io.tributary.api.media.MediaDescription;

/**
 * An opened source of media: either seekable (files, archives) or live (publish, relay).
 * The engine may share one source between all sessions of a path and closes it when the
 * last one ends.
 */
public sealed interface MediaSource extends AutoCloseable permits SeekableSource, LiveSource {
    MediaDescription description();

    /** Releases files or connections. Idempotent; never throws. */
    @Override
    void close();
}
