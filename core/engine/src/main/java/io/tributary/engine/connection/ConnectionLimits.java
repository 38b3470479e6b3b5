package io.tributary.engine.connection;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many RTSP connections are open, server-wide and per client address, so that one client
 * cannot use up the server's connections (or file descriptors) and others still get in. A
 * refused connection is closed at once; one log line per address and minute says so.
 */
public final class ConnectionLimits {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final int maxConnections;
    private final int maxPerClient;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final Map<InetAddress, Long> lastLogged = new ConcurrentHashMap<>();

    public ConnectionLimits(int maxConnections, int maxPerClient) {
        this.maxConnections = maxConnections;
        this.maxPerClient = maxPerClient;
    }

    /** Counts a new connection; false (and not counted) when a limit is reached. */
    boolean admit(InetAddress client) {
        if (total.incrementAndGet() > maxConnections) {
            total.decrementAndGet();
            refused(client, "the server has " + maxConnections + " connections");
            return false;
        }
        AtomicInteger mine = perClient.computeIfAbsent(client, c -> new AtomicInteger());
        if (mine.incrementAndGet() > maxPerClient) {
            total.decrementAndGet();
            release(client, mine);
            refused(client, "it has " + maxPerClient + " connections open");
            return false;
        }
        return true;
    }

    /** Uncounts a connection {@link #admit} let in. */
    void closed(InetAddress client) {
        total.decrementAndGet();
        AtomicInteger mine = perClient.get(client);
        if (mine != null) {
            release(client, mine);
        }
    }

    private void release(InetAddress client, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            perClient.remove(client, count);
        }
    }

    private void refused(InetAddress client, String why) {
        long now = System.nanoTime();
        Long before = lastLogged.get(client);
        if (before == null || now - before > LOG_INTERVAL_NANOS) {
            lastLogged.put(client, now);
            if (lastLogged.size() > 10_000) {
                lastLogged.clear(); // bounded; at worst one more line per address
            }
            LOG.warn("refusing connections from {}: {}", client.getHostAddress(), why);
        }
    }
}
