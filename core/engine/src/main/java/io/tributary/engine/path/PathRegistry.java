package io.tributary.engine.path;

import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.source.LiveSource;
import io.tributary.api.source.MediaSource;
import io.tributary.api.source.MediaSourceProvider;
import io.tributary.api.source.SourceStatus;
import io.tributary.engine.handler.SdpPayloadTypes;
import io.tributary.engine.live.LiveStream;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps request paths to opened, shared sources by asking the {@link MediaSourceProvider}
 * services in ranking order. Opening runs on the blocking executor, never on an I/O thread.
 * An unused source stays open for a linger time so that DESCRIBE, SETUP and the next
 * reader do not parse the file again.
 */
public final class PathRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PathRegistry.class);

    private final Whiteboard<MediaSourceProvider> providers;
    private final Map<String, SharedSource> open = new HashMap<>();
    private final Executor blocking;
    private final ScheduledExecutorService timer;
    private final long lingerMillis;
    private final int maxOpenSources;
    private final Whiteboard<PayloadFormat> formats;
    private final int maxPayloadSize;
    private final int gopCacheBytes;

    /**
     * @param formats        payload formats, to packetize live streams
     * @param maxPayloadSize largest RTP payload of live streams
     * @param gopCacheBytes  bound of each live stream's keyframe cache
     */
    public PathRegistry(Whiteboard<MediaSourceProvider> providers, Whiteboard<PayloadFormat> formats,
                        Executor blocking, ScheduledExecutorService timer, long lingerMillis, int maxOpenSources,
                        int maxPayloadSize, int gopCacheBytes) {
        this.providers = providers;
        this.formats = formats;
        this.maxPayloadSize = maxPayloadSize;
        this.gopCacheBytes = gopCacheBytes;
        this.blocking = blocking;
        this.timer = timer;
        this.lingerMillis = lingerMillis;
        this.maxOpenSources = maxOpenSources;
    }

    /** Closes what a provider that went away opened; returns the paths that were open through it. */
    public List<String> closeOpenedBy(MediaSourceProvider provider) {
        List<SharedSource> gone;
        synchronized (open) {
            gone = open.values().stream().filter(s -> s.provider() == provider).toList();
            gone.forEach(s -> open.remove(s.path()));
        }
        gone.forEach(s -> s.closeIfUnused(true));
        return gone.stream().map(SharedSource::path).toList();
    }

    /** The shared source of a path, with one reference taken for the caller; 404 when no provider serves it. */
    public CompletableFuture<SharedSource> acquire(String path) {
        return CompletableFuture.supplyAsync(() -> acquireBlocking(path), blocking);
    }

    private SharedSource acquireBlocking(String path) {
        synchronized (open) {
            SharedSource existing = open.get(path);
            if (existing != null && existing.retain()) {
                return existing;
            }
        }
        MediaSourceProvider by = null;
        MediaSource source = null;
        for (MediaSourceProvider provider : providers.all()) {
            Optional<MediaSource> opened;
            try {
                opened = provider.open(path);
            } catch (IOException e) {
                LOG.warn("cannot open {}: {}", path, e.getMessage());
                throw new RtspException(RtspStatus.SERVICE_UNAVAILABLE, "cannot open media: " + e.getMessage());
            }
            if (opened.isPresent()) {
                by = provider;
                source = opened.get();
                break;
            }
        }
        if (source == null) {
            throw new RtspException(RtspStatus.NOT_FOUND, "no media at " + path);
        }
        SharedSource shared;
        synchronized (open) {
            SharedSource existing = open.get(path);
            if (existing != null && existing.retain()) {
                source.close();
                return existing;
            }
            if (open.size() >= maxOpenSources) {
                source.close();
                throw new RtspException(RtspStatus.SERVICE_UNAVAILABLE, "too many open media (" + maxOpenSources + ")");
            }
            shared = new SharedSource(path, source, by, this::scheduleClose);
            open.put(path, shared);
            if (source instanceof LiveSource) {
                shared.live(newStream(shared));
            }
        }
        if (source instanceof LiveSource live) {
            live.start(shared.live());
            LOG.info("live stream {} started ({})", path, live.description().tracks().stream()
                    .map(t -> t.encoding().name()).toList());
        }
        return shared;
    }

    /**
     * Gives a live source the stream of its path. When the stream ends the path is
     * forgotten at once, so the next request asks the providers again.
     */
    private LiveStream newStream(SharedSource shared) {
        return new LiveStream(shared.path(), shared.description(), track -> packetizer(shared, track),
                track -> SdpPayloadTypes.of(shared.description().tracks().get(track)), gopCacheBytes,
                () -> forget(shared));
    }

    private Packetizer packetizer(SharedSource shared, int track) {
        String encoding = shared.description().tracks().get(track).encoding().name();
        return formats.get(encoding).map(format -> shared.packetizer(track, format, maxPayloadSize)).orElse(null);
    }

    private void forget(SharedSource shared) {
        synchronized (open) {
            open.remove(shared.path(), shared);
        }
    }

    /** Files linger to spare re-parsing them; live sources say how long they linger. */
    private void scheduleClose(SharedSource source) {
        long linger = source.source() instanceof LiveSource live ? live.linger().toMillis() : lingerMillis;
        timer.schedule(() -> {
            synchronized (open) {
                if (source.unused() && open.get(source.path()) == source) {
                    open.remove(source.path());
                } else if (!source.unused()) {
                    return;
                }
            }
            blocking.execute(() -> source.closeIfUnused(false));
        }, linger, TimeUnit.MILLISECONDS);
    }

    /** The sources open now (also those lingering after their last session). */
    public List<SharedSource> openSources() {
        synchronized (open) {
            return List.copyOf(open.values());
        }
    }

    /**
     * What the providers report of their paths, ordered by path. A provider that fails to
     * answer is left out (and logged): a faulty plugin must not take the console down.
     */
    public List<SourceStatus> sourceStatuses() {
        List<SourceStatus> all = new ArrayList<>();
        for (MediaSourceProvider provider : providers.all()) {
            try {
                all.addAll(provider.statuses());
            } catch (RuntimeException e) {
                LOG.warn("source provider {} failed to report its paths", provider.getClass().getName(), e);
            }
        }
        all.sort(Comparator.comparing(SourceStatus::path));
        return all;
    }

    @Override
    public void close() {
        List<SharedSource> all;
        synchronized (open) {
            all = List.copyOf(open.values());
            open.clear();
        }
        all.forEach(s -> s.closeIfUnused(true));
    }
}
