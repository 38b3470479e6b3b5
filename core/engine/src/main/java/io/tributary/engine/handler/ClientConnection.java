package io.tributary.engine.handler;

import io.tributary.api.transport.ControlChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What handlers know of the RTSP connection a request came on.
 *
 * @param remote  the client's address
 * @param local   the server address it connected to
 * @param control the connection as a channel for interleaved media
 * @param loop    the connection's event loop (new sessions live on it)
 */
public record ClientConnection(InetSocketAddress remote, InetSocketAddress local, ControlChannel control,
                               ScheduledExecutorService loop) {
}
