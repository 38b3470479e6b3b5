package io.tributary.api.runtime;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One session at the time of the snapshot.
 *
 * @param id          RTSP session id
 * @param path        path it plays
 * @param client      the RTSP client's address
 * @param transport   transport profile of its first track, e.g. {@code RTP/AVP/TCP}
 * @param state       {@code READY} or {@code PLAYING}
 * @param created     when the session was set up
 * @param packetsSent RTP packets sent so far
 * @param bytesSent   RTP payload bytes sent so far
 */
public record SessionSnapshot(String id, String path, InetSocketAddress client, String transport, String state,
                              Instant created, long packetsSent, long bytesSent) {
}
