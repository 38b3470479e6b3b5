package io.tributary.sources.relay.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.source.SourceStatus;
import io.tributary.api.source.StreamPublisher;
import io.tributary.client.RtspClient;
import io.tributary.rtsp.header.LowerTransport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relayed path: keeps (at most) one upstream session, reconnects it with backoff while
 * someone wants the path, and passes its units to the engine's streams of the path.
 *
 * <p>Readers never notice a reconnect that brings back the same tracks: their streams get
 * {@link StreamPublisher#discontinuity()} before the first unit of the new session. When the
 * tracks changed, their streams end and they start over with the new description.
 *
 * <p>Threads: {@link #open()} blocks an engine thread, but only on this relay's own DESCRIBE,
 * bounded by its timeouts. Everything else reacts to the client's callbacks and timers on
 * the shared event loops and never blocks. State changes hold this object's lock, briefly, and
 * never while calling the engine (its streams take locks of their own).
 */
final class Relay implements UpstreamSession.Owner {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    /** The engine opens one source per path; a few more when requests race or streams ended. */
    static final int MAX_SOURCES = 64;

    private final RelaySettings settings;
    private final RtspClient client;
    private final EventExecutor timer;
    private final PayloadFormats formats;
    private final Backoff backoff;
    private final List<RelaySource> sources = new CopyOnWriteArrayList<>();
    /** The current attempt or session; written under the lock, read without it by the media path. */
    private volatile UpstreamSession upstream;
    /** The session whose units were published last: a different one means the timestamps restart. */
    private volatile UpstreamSession publishing;
    private RelayedMedia known;
    private LowerTransport transport;
    private Future<?> retry;
    private String lastFailure;
    private long lastFailureNanos;
    private Duration retryWait = Duration.ZERO;
    private long downSinceNanos;
    private int waiting;
    private boolean closed;

    /**
     * @param group  the bundle's event loops: the client's sessions and this relay's timer run there
     * @param random uniform values in [0, 1) for the backoff's jitter
     */
    Relay(RelaySettings settings, EventLoopGroup group, PayloadFormats formats, DoubleSupplier random) {
        this.settings = settings;
        this.client = new RtspClient(group, settings.clientOptions());
        this.timer = group.next();
        this.formats = formats;
        this.backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax(), random);
        this.transport = settings.transport().first();
    }

    String path() {
        return settings.path();
    }

    RelaySettings settings() {
        return settings;
    }

    Duration linger() {
        return settings.linger();
    }

    /** An always-on relay connects now; an on-demand one waits for its first reader. */
    synchronized void start() {
        if (!settings.onDemand()) {
            connect();
        }
    }

    /**
     * A source for a new reader of the path. Waits (bounded by the connect and response
     * timeouts) only when the upstream was idle and is asked for a fresh description.
     *
     * @throws IOException when the upstream is unreachable and its tracks are not known
     */
    RelaySource open() throws IOException {
        UpstreamSession attempt;
        synchronized (this) {
            if (closed) {
                throw new IOException(settings.path() + " is no longer relayed");
            }
            if (sources.size() >= MAX_SOURCES) {
                throw new IOException(settings.path() + ": too many open sources (" + MAX_SOURCES + ")");
            }
            if (upstream == null && retry == null && !recentlyFailed()) {
                connect(); // idle: a fresh DESCRIBE, the upstream may have changed since the last reader
                attempt = upstream;
            } else {
                attempt = known == null ? upstream : null; // wait only when there is nothing to offer yet
            }
            if (attempt == null) {
                if (known == null) {
                    throw unreachable(); // down, or waiting to retry: fail fast
                }
                RelaySource source = addSource(known);
                ensureRetry();
                return source;
            }
            waiting++;
        }
        RelayedMedia media;
        try {
            media = await(attempt);
        } catch (IOException e) {
            synchronized (this) {
                waiting--;
                if (known != null && !closed) {
                    RelaySource source = addSource(known); // served, and media flows once it is back
                    ensureRetry();
                    return source;
                }
                stopIfIdle();
                throw new IOException("upstream " + settings.source() + " unreachable: " + e.getMessage(), e);
            }
        }
        synchronized (this) {
            waiting--;
            if (closed) {
                throw new IOException(settings.path() + " is no longer relayed");
            }
            RelaySource source = addSource(media);
            ensureConnecting();
            return source;
        }
    }

    /** The engine started the stream of a source: units go to it from now on. */
    void attach(RelaySource source, StreamPublisher stream) {
        boolean refuse;
        synchronized (this) {
            refuse = closed || !source.media().sameTracks(known) || !sources.contains(source);
            if (!refuse) {
                source.stream(stream);
                ensureConnecting();
                playIfWanted();
            }
        }
        if (refuse) {
            stream.end(); // the path is gone or its tracks changed since the source was opened
        }
    }

    /** The engine closed a source (its linger time after the last reader is over). */
    void detach(RelaySource source) {
        sources.remove(source);
        synchronized (this) {
            stopIfIdle();
        }
    }

    /** A payload format service went away: a session that uses it starts over without it. */
    synchronized void formatRemoved(PayloadFormat format) {
        UpstreamSession s = upstream;
        RelayedMedia media = s == null ? null : s.media();
        if (media != null && media.uses(format)) {
            s.abort("a payload format of " + media.encodings() + " went away");
        }
    }

    /** The configuration went away: the upstream is closed and the readers of the path get the end of the stream. */
    void shutdown() {
        List<StreamPublisher> streams = new ArrayList<>();
        UpstreamSession s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            cancelRetry();
            s = upstream;
            upstream = null;
            for (RelaySource source : sources) {
                if (source.stream() != null) {
                    streams.add(source.stream());
                    source.stream(null);
                }
            }
            sources.clear();
        }
        if (s != null) {
            s.close();
        }
        streams.forEach(StreamPublisher::end);
        client.close();
    }

    /** How the relay is doing, for operators; null once it is shut down. */
    synchronized SourceStatus status() {
        if (closed) {
            return null;
        }
        String origin = settings.source().redacted();
        long now = System.nanoTime();
        UpstreamSession s = upstream;
        String lastTry = lastFailure == null ? "" : "last failure: " + lastFailure;
        if (s != null) {
            long playingSince = s.playingSinceNanos();
            return playingSince != 0
                    ? new SourceStatus(path(), origin, SourceStatus.State.UP, ago(now, playingSince),
                            s.media() == null ? "" : s.media().encodings() + " over " + s.transport())
                    : new SourceStatus(path(), origin, SourceStatus.State.CONNECTING, null, lastTry);
        }
        if (retry != null) {
            return new SourceStatus(path(), origin, SourceStatus.State.DOWN,
                    ago(now, downSinceNanos != 0 ? downSinceNanos : lastFailureNanos),
                    lastTry + "; retrying in " + seconds(remainingWait().toNanos()));
        }
        if (!settings.onDemand()) {
            return new SourceStatus(path(), origin, SourceStatus.State.DOWN, null, lastTry);
        }
        return new SourceStatus(path(), origin, SourceStatus.State.IDLE, null,
                lastFailure == null ? "on demand: connects for the first reader" : "on demand; " + lastTry);
    }

    private static Instant ago(long nowNanos, long thenNanos) {
        return Instant.now().minusNanos(nowNanos - thenNanos);
    }

    // ---- upstream callbacks (client event loops) -------------------------------------------

    @Override
    public void described(UpstreamSession session, RelayedMedia media) {
        List<StreamPublisher> ended = List.of();
        synchronized (this) {
            if (session != upstream) {
                return;
            }
            if (!media.sameTracks(known)) {
                if (!media.skipped().isEmpty()) {
                    LOG.warn("relay {}: upstream {}: {} left out", settings.path(), settings.source(),
                            String.join("; ", media.skipped()));
                }
                if (known != null) {
                    ended = detachStreams();
                    downSinceNanos = 0; // the new session is a new start, not a continuation
                    LOG.info("relay {}: upstream {} came back with other tracks ({}); its {} reader stream(s) restart",
                            settings.path(), settings.source(), media.encodings(), ended.size());
                }
            }
            known = media;
            playIfWanted();
        }
        endLater(ended);
    }

    @Override
    public void playing(UpstreamSession session) {
        synchronized (this) {
            if (session != upstream) {
                return;
            }
            RelayedMedia media = session.media();
            if (downSinceNanos != 0) {
                LOG.info("relay {}: upstream {} back after {} ({} over {}); readers continue", settings.path(),
                        settings.source(), seconds(System.nanoTime() - downSinceNanos), media.encodings(),
                        session.transport());
            } else {
                LOG.info("relay {}: upstream {} connected ({} over {})", settings.path(), settings.source(),
                        media.encodings(), session.transport());
            }
            downSinceNanos = 0;
            lastFailure = null;
        }
    }

    @Override
    public void unit(UpstreamSession session, AccessUnit unit) {
        if (session != upstream) {
            return;
        }
        UpstreamSession previous = publishing;
        if (previous != session) {
            publishing = session;
            if (previous != null) {
                for (RelaySource source : sources) {
                    StreamPublisher stream = source.stream();
                    if (stream != null) {
                        stream.discontinuity();
                    }
                }
            }
        }
        for (RelaySource source : sources) {
            StreamPublisher stream = source.stream();
            if (stream != null) {
                stream.publish(unit);
            }
        }
    }

    @Override
    public void senderReport(UpstreamSession session, int track, long ntpTime, long timestamp) {
        if (session != upstream || session != publishing) {
            return; // reports of a session whose units do not go out yet would map the wrong timeline
        }
        for (RelaySource source : sources) {
            StreamPublisher stream = source.stream();
            if (stream != null) {
                stream.senderReport(track, ntpTime, timestamp);
            }
        }
    }

    @Override
    public synchronized void stopped(UpstreamSession session, UpstreamSession.Stop stop) {
        if (session != upstream) {
            return;
        }
        upstream = null;
        long now = System.nanoTime();
        if (stop.wasPlaying() && now - session.playingSinceNanos() >= settings.reconnectMax().toNanos()) {
            backoff.reset(); // it worked for a good while: this is a new outage, not the same one
        }
        if (stop.udpFailed() && settings.transport() == TransportMode.AUTOMATIC && transport == LowerTransport.UDP) {
            transport = LowerTransport.TCP;
            LOG.info("relay {}: upstream {} over UDP failed ({}); using TCP", settings.path(), settings.source(),
                    stop.reason());
            if (!closed && wantsConnection()) {
                connect(); // at once: the upstream answered, only UDP did not work
                return;
            }
        }
        lastFailure = stop.reason();
        lastFailureNanos = now;
        if (downSinceNanos == 0 && wantsRetry()) {
            downSinceNanos = now; // readers wait for it: its return is worth a line
        }
        retryWait = backoff.next();
        if (closed || !wantsRetry()) {
            LOG.info("relay {}: upstream {} unreachable: {}", settings.path(), settings.source(), stop.reason());
            return;
        }
        scheduleRetry(retryWait);
        LOG.info("relay {}: upstream {} {}: {}; retrying in {}", settings.path(), settings.source(),
                stop.wasPlaying() ? "lost" : "unreachable", stop.reason(), seconds(retryWait.toNanos()));
    }

    // ---- state (under the lock) --------------------------------------------------------------

    private void connect() {
        UpstreamSession s = new UpstreamSession(client, settings.source(), settings.path(), formats::get, this);
        upstream = s; // before start: a failure reported at once must find it current
        LOG.debug("relay {}: connecting to {}", settings.path(), settings.source());
        s.start();
    }

    /** Someone wants the path again while it is down: retry when the current wait is over. */
    private void ensureRetry() {
        if (!closed && upstream == null && retry == null && wantsRetry()) {
            scheduleRetry(remainingWait());
        }
    }

    /** Someone wants the path and nothing is under way: connect now. */
    private void ensureConnecting() {
        if (!closed && upstream == null && retry == null && wantsConnection()) {
            connect();
        }
    }

    private void playIfWanted() {
        UpstreamSession s = upstream;
        if (s != null && s.media() != null && !s.playRequested() && wantsPlay()) {
            s.play(transport);
        }
    }

    /** An on-demand relay without readers lets its upstream go. */
    private void stopIfIdle() {
        if (closed || wantsConnection()) {
            return;
        }
        cancelRetry();
        UpstreamSession s = upstream;
        upstream = null;
        publishing = null;
        downSinceNanos = 0;
        if (s != null) {
            if (s.playingSinceNanos() != 0) {
                backoff.reset();
                LOG.info("relay {}: no readers; disconnected from {}", settings.path(), settings.source());
            }
            s.close();
        }
    }

    /** Someone holds or is opening the path (or it is always on): keep or make the connection. */
    private boolean wantsConnection() {
        return wantsRetry() || waiting > 0;
    }

    /**
     * Someone holds the path (or it is always on): retry a failed upstream. A reader still
     * waiting for its first description gets the failure instead, and the next one tries anew.
     */
    private boolean wantsRetry() {
        return !settings.onDemand() || !sources.isEmpty();
    }

    private boolean wantsPlay() {
        return !settings.onDemand() || sources.stream().anyMatch(s -> s.stream() != null);
    }

    private RelaySource addSource(RelayedMedia media) {
        RelaySource source = new RelaySource(this, media);
        sources.add(source);
        return source;
    }

    /** Takes every stream away from its source: they are to end. */
    private List<StreamPublisher> detachStreams() {
        List<StreamPublisher> streams = new ArrayList<>();
        for (RelaySource source : sources) {
            StreamPublisher stream = source.stream();
            if (stream != null) {
                streams.add(stream);
                source.stream(null);
            }
        }
        return streams;
    }

    /** Ends streams on the relay's loop: never under this lock, which the engine's threads may wait for. */
    private void endLater(List<StreamPublisher> streams) {
        if (streams.isEmpty()) {
            return;
        }
        try {
            timer.execute(() -> streams.forEach(StreamPublisher::end));
        } catch (RejectedExecutionException shuttingDown) {
            streams.forEach(StreamPublisher::end);
        }
    }

    private void scheduleRetry(Duration wait) {
        cancelRetry();
        try {
            retry = timer.schedule(this::retryNow, Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            retry = null;
        }
    }

    private synchronized void retryNow() {
        retry = null;
        if (!closed && upstream == null && wantsConnection()) {
            connect();
        }
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private boolean recentlyFailed() {
        return lastFailure != null && remainingWait().isPositive();
    }

    private Duration remainingWait() {
        long elapsed = System.nanoTime() - lastFailureNanos;
        return Duration.ofNanos(Math.max(0, retryWait.toNanos() - elapsed));
    }

    private IOException unreachable() {
        return new IOException("upstream " + settings.source() + " unreachable: "
                + (lastFailure == null ? "not connected yet" : lastFailure));
    }

    // ---- waiting for a description (engine thread) -------------------------------------------

    private RelayedMedia await(UpstreamSession attempt) throws IOException {
        CompletableFuture<RelayedMedia> described = attempt.described();
        Duration deadline = settings.describeDeadline();
        try {
            return described.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(String.valueOf(e.getCause()), e);
        } catch (TimeoutException e) {
            // the client bounds each step; this only guards against a step that never ends
            attempt.abort("no description within " + seconds(deadline.toNanos()));
            throw new IOException("no description within " + seconds(deadline.toNanos()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + settings.source());
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
