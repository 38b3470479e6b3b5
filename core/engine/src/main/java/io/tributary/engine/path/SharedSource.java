package io.tributary.engine.path;

import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.source.MediaSource;
import io.tributary.api.source.MediaSourceProvider;
import io.tributary.api.source.SeekableSource;
import io.tributary.engine.live.LiveStream;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An opened source shared by every session of a path, with the packetizer of each track:
 * the file is parsed once and each sample packetized once, whatever the number of readers.
 * Reference counted; the registry closes it a little after the last reference is released.
 */
public final class SharedSource {
    private final String path;
    private final MediaSource source;
    private final MediaSourceProvider provider;
    private final Consumer<SharedSource> onUnused;
    private final AtomicInteger references = new AtomicInteger(1);
    private final Packetizer[] packetizers;
    private final PayloadFormat[] formats;
    private volatile boolean closed;
    private LiveStream live;

    SharedSource(String path, MediaSource source, MediaSourceProvider provider, Consumer<SharedSource> onUnused) {
        this.path = path;
        this.source = source;
        this.provider = provider;
        this.onUnused = onUnused;
        int tracks = source.description().tracks().size();
        this.packetizers = new Packetizer[tracks];
        this.formats = new PayloadFormat[tracks];
    }

    public String path() {
        return path;
    }

    public MediaDescription description() {
        return source.description();
    }

    MediaSourceProvider provider() {
        return provider;
    }

    /** The source as random-access media; 455 for live sources. */
    public SeekableSource seekable() {
        if (source instanceof SeekableSource seekable) {
            return seekable;
        }
        throw new RtspException(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "a live path cannot be played as a file");
    }

    /** The stream of a live source, or null for files. */
    public synchronized LiveStream live() {
        return live;
    }

    synchronized void live(LiveStream stream) {
        live = stream;
    }

    MediaSource source() {
        return source;
    }

    /**
     * The packetizer of a track, made once from the current payload format service.
     * Packetizers are used by one thread at a time: callers synchronize on the result.
     */
    public synchronized Packetizer packetizer(int track, PayloadFormat format, int maxPayloadSize) {
        if (packetizers[track] == null || formats[track] != format) {
            TrackDescription description = description().tracks().get(track);
            packetizers[track] = format.packetizer(description, maxPayloadSize);
            formats[track] = format;
        }
        return packetizers[track];
    }

    /** {@code true} while a track is packetized by {@code format}. */
    public synchronized boolean uses(PayloadFormat format) {
        for (PayloadFormat f : formats) {
            if (f == format) {
                return true;
            }
        }
        return false;
    }

    /** Takes one more reference (also during the linger time); {@code false} once closed. */
    synchronized boolean retain() {
        if (closed) {
            return false;
        }
        references.incrementAndGet();
        return true;
    }

    /** Gives a reference back. */
    public void release() {
        if (references.decrementAndGet() == 0) {
            onUnused.accept(this);
        }
    }

    boolean unused() {
        return references.get() <= 0;
    }

    /** Closes now if no one holds a reference (or {@code force}); returns whether it closed. */
    boolean closeIfUnused(boolean force) {
        LiveStream stream;
        synchronized (this) {
            if (closed || (!force && references.get() > 0)) {
                return closed;
            }
            closed = true;
            references.set(0);
            stream = live;
        }
        // Outside the lock: ending the stream takes the registry's lock (lock order registry → source).
        if (stream != null) {
            stream.end();
        }
        source.close();
        return true;
    }

    public boolean closed() {
        return closed;
    }
}
