package io.tributary.sources.publish.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.MediaDescription;
import io.tributary.api.source.Publication;
import io.tributary.api.source.SourceStatus;
import io.tributary.api.source.StreamPublisher;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One published path: its current publisher, the engine streams that read it, and the grace
 * period after the publisher leaves. A publisher that comes back within the grace period
 * with the same tracks continues the path: its timestamps are shifted so that readers see
 * one continuous stream and need not reconnect.
 */
final class LivePath {
    private static final Logger LOG = LoggerFactory.getLogger(LivePath.class);

    private final String path;
    private final MediaDescription description;
    private final ScheduledExecutorService timer;
    private final long graceMillis;
    private final Consumer<LivePath> onEnd;
    private final List<StreamPublisher> streams = new CopyOnWriteArrayList<>();
    private PathPublication current;
    private InetSocketAddress publisher;
    private ScheduledFuture<?> grace;
    /** When the current publisher started, or when the last one left (during the grace period). */
    private Instant since = Instant.now();
    private boolean ended;

    LivePath(String path, MediaDescription description, ScheduledExecutorService timer, long graceMillis,
             Consumer<LivePath> onEnd) {
        this.path = path;
        this.description = description;
        this.timer = timer;
        this.graceMillis = graceMillis;
        this.onEnd = onEnd;
    }

    String path() {
        return path;
    }

    MediaDescription description() {
        return description;
    }

    synchronized boolean publishing() {
        return current != null;
    }

    synchronized InetSocketAddress publisher() {
        return publisher;
    }

    /** How the path is doing, for operators: published, or waiting for its publisher to come back. */
    synchronized SourceStatus status() {
        String origin = "publisher " + (publisher == null ? "?" : publisher.getAddress().getHostAddress() + ":"
                + publisher.getPort());
        if (current != null) {
            return new SourceStatus(path, origin, SourceStatus.State.UP, since, "");
        }
        long left = grace == null ? 0 : Math.max(0, grace.getDelay(TimeUnit.MILLISECONDS));
        return new SourceStatus(path, origin, SourceStatus.State.DOWN, since,
                "publisher left; readers wait " + (left + 999) / 1000 + " s more for it to come back");
    }

    /** The first publisher of the path. */
    synchronized Publication publish(InetSocketAddress who) {
        current = new PathPublication();
        publisher = who;
        since = Instant.now();
        return current;
    }

    /**
     * A publisher back within the grace period, or null when the path is taken, ended, or
     * the new tracks differ (then readers must start over).
     */
    synchronized Publication resume(MediaDescription offered, InetSocketAddress who) {
        if (ended || current != null || !offered.tracks().equals(description.tracks())) {
            return null;
        }
        if (grace != null) {
            grace.cancel(false);
            grace = null;
        }
        streams.forEach(StreamPublisher::discontinuity);
        current = new PathPublication();
        publisher = who;
        since = Instant.now();
        LOG.info("{}: publisher {} is back; readers continue", path, who);
        return current;
    }

    void attach(StreamPublisher stream) {
        boolean gone;
        synchronized (this) {
            gone = ended;
            if (!gone) {
                streams.add(stream);
            }
        }
        if (gone) {
            stream.end();
        }
    }

    void detach(StreamPublisher stream) {
        streams.remove(stream);
    }

    private void forward(PathPublication from, AccessUnit unit) {
        synchronized (this) {
            if (from != current) {
                return;
            }
        }
        for (StreamPublisher stream : streams) {
            stream.publish(unit);
        }
    }

    private void senderReport(PathPublication from, int track, long ntpTime, long timestamp) {
        synchronized (this) {
            if (from != current) {
                return;
            }
        }
        for (StreamPublisher stream : streams) {
            stream.senderReport(track, ntpTime, timestamp);
        }
    }

    private void left(PathPublication from) {
        synchronized (this) {
            if (from != current) {
                return;
            }
            current = null;
            since = Instant.now();
            if (graceMillis > 0 && !ended) {
                LOG.info("{}: publisher {} left; readers wait {} s for it to come back", path, publisher,
                        TimeUnit.MILLISECONDS.toSeconds(graceMillis));
                try {
                    grace = timer.schedule(this::graceOver, graceMillis, TimeUnit.MILLISECONDS);
                    return;
                } catch (RejectedExecutionException shuttingDown) {
                    // fall through and end now
                }
            }
        }
        end();
    }

    private void graceOver() {
        synchronized (this) {
            if (current != null || ended) {
                return;
            }
        }
        LOG.info("{}: publisher did not come back; ending the stream", path);
        end();
    }

    /** Ends the path: its readers get the end of the stream. */
    void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            current = null;
            if (grace != null) {
                grace.cancel(false);
            }
        }
        onEnd.accept(this);
        for (StreamPublisher stream : streams) {
            stream.end();
        }
        streams.clear();
    }

    /** One publisher's claim; it stops counting once the publisher left or was replaced. */
    private final class PathPublication implements Publication {
        @Override
        public void publish(AccessUnit unit) {
            forward(this, unit);
        }

        @Override
        public void senderReport(int track, long ntpTime, long timestamp) {
            LivePath.this.senderReport(this, track, ntpTime, timestamp);
        }

        @Override
        public void close() {
            left(this);
        }
    }
}
