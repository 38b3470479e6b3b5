package io.tributary.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when sessions start playing and end. Called off the I/O threads, in order per
 * session; must return quickly.
 */
@ConsumerType
public interface SessionListener {
    void sessionStarted(SessionEvent event);

    void sessionEnded(SessionEvent event);
}
