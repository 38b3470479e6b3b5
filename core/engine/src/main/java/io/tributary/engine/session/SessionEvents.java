package io.tributary.engine.session;

import io.tributary.api.event.SessionEvent;
import io.tributary.api.event.SessionListener;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link SessionListener} services about sessions, on one thread of its own so that
 * listeners never run on I/O threads and see each session's events in order. The queue is
 * bounded: when listeners are too slow, events are dropped and counted, never blocking.
 */
public final class SessionEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionEvents.class);
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000), r -> new Thread(r, "tributary-events"));

    public void add(SessionListener listener) {
        listeners.add(listener);
    }

    public void remove(SessionListener listener) {
        listeners.remove(listener);
    }

    void started(RtspSession session) {
        SessionEvent event = new SessionEvent(session.id(), session.path(), session.client(),
                session.transportName(), Instant.now(), "");
        dispatch(event, true);
    }

    void ended(RtspSession session, SessionEndReason reason) {
        SessionEvent event = new SessionEvent(session.id(), session.path(), session.client(),
                session.transportName(), Instant.now(), reason.label());
        dispatch(event, false);
    }

    private void dispatch(SessionEvent event, boolean start) {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> {
                for (SessionListener listener : listeners) {
                    try {
                        if (start) {
                            listener.sessionStarted(event);
                        } else {
                            listener.sessionEnded(event);
                        }
                    } catch (RuntimeException e) {
                        // A broken listener must not stop the others or the engine.
                        LOG.warn("session listener {} failed", listener.getClass().getName(), e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("session event dropped: listeners too slow");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
