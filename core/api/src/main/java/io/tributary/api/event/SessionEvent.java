package io.tributary.api.event;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * A session lifecycle event.
 *
 * @param sessionId RTSP session id
 * @param path      path being played, starting with {@code /}
 * @param client    the RTSP client's address
 * @param transport transport profile key of its first track, e.g. {@code RTP/AVP/TCP}
 * @param time      when it happened
 * @param reason    why a session ended ({@code teardown}, {@code timeout}, {@code closed},
 *                  {@code end-of-stream}, {@code transport-gone}); empty on start
 */
public record SessionEvent(String sessionId, String path, InetSocketAddress client, String transport,
                           Instant time, String reason) {
}
