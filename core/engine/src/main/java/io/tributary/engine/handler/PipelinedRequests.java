package io.tributary.engine.handler;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RTSP 2.0 pipelining (RFC 7826 §18.33): a client sends SETUP for every track, and PLAY,
 * before it knows the session id, each with the same {@code Pipelined-Requests} id; the
 * server binds the id to the session the first SETUP created, for the rest of the connection.
 * One per connection, used on its loop; bounded, oldest bindings forgotten first.
 */
public final class PipelinedRequests {
    /** Bindings kept per connection: a client pipelines one startup at a time. */
    private static final int MAX_BINDINGS = 16;
    /** The id is a 32-bit number (GStreamer sends up to 10 digits); anything longer is not one. */
    private static final int MAX_ID_LENGTH = 10;

    private final Map<String, String> sessions = new LinkedHashMap<>(MAX_BINDINGS, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_BINDINGS;
        }
    };

    /** The header's id, checked; null when absent. 400 when it is not a number. */
    static String id(String header) {
        if (header == null) {
            return null;
        }
        String id = header.trim();
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "malformed Pipelined-Requests header");
        }
        return id;
    }

    /** The session bound to {@code id}, or null. */
    synchronized String session(String id) {
        return sessions.get(id);
    }

    /** Binds {@code id} to the session its first request created; a bound id keeps its session. */
    synchronized void bind(String id, String sessionId) {
        sessions.putIfAbsent(id, sessionId);
    }
}
