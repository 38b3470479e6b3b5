package io.tributary.engine.session;

import io.tributary.api.auth.UserPrincipal;
import io.tributary.api.transport.ControlChannel;
import io.tributary.engine.path.SharedSource;
import io.tributary.engine.publish.Recording;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session pool: sessions by id, limits, timeouts, and the one way a session ends.
 */
public final class SessionManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final SessionIds ids = new SessionIds();
    private final Map<String, RtspSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final SessionEvents events;
    private final int maxSessions;
    private final int maxSessionsPerClient;
    private final int timeoutSeconds;
    private final ScheduledFuture<?> sweeper;

    public SessionManager(SessionEvents events, int maxSessions, int maxSessionsPerClient, int timeoutSeconds,
                          ScheduledExecutorService timer) {
        this.events = events;
        this.maxSessions = maxSessions;
        this.maxSessionsPerClient = maxSessionsPerClient;
        this.timeoutSeconds = timeoutSeconds;
        this.sweeper = timer.scheduleWithFixedDelay(this::expireIdle, 1, 1, TimeUnit.SECONDS);
    }

    /** Creates a session for a client's first SETUP; 453 when a limit is reached. */
    public RtspSession create(String path, InetSocketAddress client, UserPrincipal user, SharedSource source,
                              ScheduledExecutorService executor) {
        if (sessions.size() >= maxSessions) {
            throw new RtspException(RtspStatus.NOT_ENOUGH_BANDWIDTH, "server session limit reached (" + maxSessions + ")");
        }
        String host = client.getAddress().getHostAddress();
        AtomicInteger count = perClient.computeIfAbsent(host, h -> new AtomicInteger());
        if (count.incrementAndGet() > maxSessionsPerClient) {
            count.decrementAndGet();
            throw new RtspException(RtspStatus.NOT_ENOUGH_BANDWIDTH,
                    "session limit per client reached (" + maxSessionsPerClient + ")");
        }
        RtspSession session = new RtspSession(ids.next(), path, client, user, source, executor, timeoutSeconds);
        sessions.put(session.id(), session);
        return session;
    }

    /** The session or null, without ownership checks: the dispatcher checks who may use it. */
    public RtspSession find(String id) {
        return id == null ? null : sessions.get(id);
    }

    public int size() {
        return sessions.size();
    }

    public List<RtspSession> all() {
        return List.copyOf(sessions.values());
    }

    public void started(RtspSession session) {
        LOG.info("{} {} {} for {}{} over {}", session.label(),
                session.recording() != null ? "publishing" : "playing", session.path(),
                session.client(), session.user() == null ? "" : " (" + session.user().name() + ")",
                session.transportName());
        events.started(session);
    }

    /** Ends a session once: stops playback (with RTCP BYE), releases transports and source. */
    public void end(RtspSession session, SessionEndReason reason) {
        if (sessions.remove(session.id(), session)) {
            session.markEnded();
            AtomicInteger count = perClient.get(session.client().getAddress().getHostAddress());
            if (count != null && count.decrementAndGet() <= 0) {
                perClient.remove(session.client().getAddress().getHostAddress(), count);
            }
            session.executor().execute(() -> release(session, reason));
        }
    }

    /** Ends every session matching {@code which} (a transport or format went away, a connection closed). */
    public void endWhere(Predicate<RtspSession> which, SessionEndReason reason) {
        for (RtspSession session : sessions.values()) {
            if (which.test(session)) {
                end(session, reason);
            }
        }
    }

    private void release(RtspSession session, SessionEndReason reason) {
        SessionNotices.terminated(session, reason);
        Playback playback = session.playback();
        if (playback != null) {
            playback.stop(reason != SessionEndReason.CONNECTION_CLOSED && reason != SessionEndReason.TRANSPORT_GONE);
        }
        Recording recording = session.recording();
        if (recording != null) {
            recording.close();
            closePublisherConnection(session, reason);
        }
        for (SessionTrack track : session.tracks().values()) {
            track.binding().close();
        }
        session.source().release();
        LOG.info("{} ended ({}) {} for {}", session.label(), reason.label(), session.path(), session.client());
        events.ended(session, reason);
    }

    /**
     * A publisher over TCP whose session the server ended (its path went away, it was kicked)
     * loses its connection too: RTSP has no way to tell a recording client to stop, and
     * otherwise it would go on sending into the void.
     */
    private static void closePublisherConnection(RtspSession session, SessionEndReason reason) {
        ControlChannel connection = session.ownerConnection();
        if (connection != null && reason != SessionEndReason.TEARDOWN && reason != SessionEndReason.CONNECTION_CLOSED) {
            connection.close();
        }
    }

    private void expireIdle() {
        long now = System.nanoTime();
        for (RtspSession session : sessions.values()) {
            if (session.expired(now)) {
                end(session, SessionEndReason.TIMEOUT);
            }
        }
    }

    @Override
    public void close() {
        sweeper.cancel(false);
        endWhere(s -> true, SessionEndReason.SHUTDOWN);
    }
}
