package io.tributary.api.transport;

import java.net.InetSocketAddress;

/**
 * One track of a description given to a client, as {@link MediaKeying} sees it.
 *
 * @param path         the path described
 * @param track        the track index
 * @param sharedStream whether every reader of the path shares the track's packets (live)
 * @param ssrc         the track's SSRC when already known (a live stream's), else 0
 * @param connection   the client's RTSP connection (its later SETUP comes on it)
 * @param client       the client's address
 */
public record KeyingContext(String path, int track, boolean sharedStream, long ssrc, ControlChannel connection,
                            InetSocketAddress client) {
}
