package io.tributary.engine.handler;

import io.tributary.api.transport.ControlChannel;
import io.tributary.engine.publish.Announcements;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * What handlers know of the RTSP connection a request came on.
 *
 * @param remote  the client's address
 * @param local   the server address it connected to
 * @param control the connection as a channel for interleaved media
 * @param loop    the connection's event loop (new sessions live on it)
 * @param announcements paths announced on this connection and not yet recorded
 * @param afterResponse runs an action on the connection's loop right after the response to
 *                      the current request is written (e.g. start media after PLAY's response)
 * @param secure  whether the connection is encrypted (RTSPS)
 * @param pipelined RTSP 2.0 pipelined-request ids bound to sessions on this connection
 */
public record ClientConnection(InetSocketAddress remote, InetSocketAddress local, ControlChannel control,
                               ScheduledExecutorService loop, Announcements announcements,
                               Consumer<Runnable> afterResponse, boolean secure, PipelinedRequests pipelined) {
    /** How requests arrive on this connection, as authorizers and hooks see it. */
    public String protocol() {
        return secure ? "rtsps" : "rtsp";
    }
}
