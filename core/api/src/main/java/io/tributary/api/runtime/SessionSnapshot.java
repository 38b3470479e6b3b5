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
 * @param state       {@code READY}, {@code PLAYING} or {@code RECORDING}
 * @param created     when the session was set up
 * @param packetsSent RTP packets sent so far (for a publisher: received)
 * @param bytesSent   RTP bytes sent so far (for a publisher: received)
 * @param packetsDropped packets not sent because the client could not keep up
 * @param reception   what the client's receiver reports say
 */
public record SessionSnapshot(String id, String path, InetSocketAddress client, String transport, String state,
                              Instant created, long packetsSent, long bytesSent, long packetsDropped,
                              ReceptionStats reception) {
}
