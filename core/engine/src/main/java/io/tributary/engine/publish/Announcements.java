package io.tributary.engine.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths announced on one connection and not yet taken over by a recording session.
 * Bounded; when the connection closes, what was announced but never recorded is released.
 */
public final class Announcements {
    static final int MAX_PER_CONNECTION = 4;
    private final Map<String, Announcement> byPath = new HashMap<>();
    private boolean closed;

    /** Keeps an announcement; a repeated ANNOUNCE of a path replaces (and releases) the earlier one. */
    public void put(Announcement announcement) {
        Announcement replaced;
        synchronized (this) {
            if (closed) {
                replaced = announcement;
            } else if (!byPath.containsKey(announcement.path()) && byPath.size() >= MAX_PER_CONNECTION) {
                throw new io.tributary.rtsp.message.RtspException(
                        io.tributary.rtsp.message.RtspStatus.NOT_ENOUGH_BANDWIDTH,
                        "at most " + MAX_PER_CONNECTION + " announced paths per connection");
            } else {
                replaced = byPath.put(announcement.path(), announcement);
            }
        }
        if (replaced != null) {
            replaced.publication().close();
        }
    }

    public synchronized Announcement get(String path) {
        return byPath.get(path);
    }

    /** Hands an announcement over to its recording session. */
    public synchronized Announcement take(String path) {
        return byPath.remove(path);
    }

    /** The connection closed: releases what no session took. */
    public void close() {
        List<Announcement> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(byPath.values());
            byPath.clear();
        }
        left.forEach(a -> a.publication().close());
    }
}
