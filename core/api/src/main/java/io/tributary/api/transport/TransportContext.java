package io.tributary.api.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import org.osgi.annotation.versioning.ProviderType;

/** What a transport knows of the session and connection a track is set up in. */
@ProviderType
public interface TransportContext {
    /**
     * Service property of the engine's I/O event loops, registered as an
     * {@code io.netty.channel.EventLoopGroup} service ({@code (tributary.io.loops=true)}):
     * transports that open sockets of their own register them on these loops, one set of threads
     * for the whole server, and a socket on a session's {@link #sendingLoop()} is written to
     * without a hand-over between threads.
     */
    String IO_LOOPS = "tributary.io.loops";

    /**
     * The thread the session's media is sent from: one of the engine's I/O event loops
     * ({@link #IO_LOOPS}). Sink calls come on it.
     */
    Executor sendingLoop();

    /** The RTSP client's address (UDP may only send to this host unless an admin allows otherwise). */
    InetSocketAddress remoteAddress();

    /** The server address the RTSP client connected to. */
    InetSocketAddress localAddress();

    /** The RTSP connection of the SETUP, for transports that use it (interleaved). */
    ControlChannel control();

    /** The RTSP session id. */
    String sessionId();

    /** The path the session plays or publishes. */
    String path();

    /** {@code true} when the RTSP connection of the SETUP is encrypted (RTSPS). */
    boolean secure();

    /**
     * A header of the SETUP request (e.g. {@code KeyMgmt}, RFC 4567), or null; repeated
     * headers come joined with {@code ", "}.
     */
    String requestHeader(String name);

    /**
     * {@code true} when the track's packets are shared by every reader of the path (a live
     * stream: one SSRC and sequence for all), so that per-stream state, such as an SRTP key,
     * can serve them all; {@code false} when the session has its own timeline (a file).
     */
    boolean sharedStream();

    /** The track index being set up. */
    int track();

    /** The SSRC the session uses for this track (unsigned 32-bit). */
    long ssrc();

    /**
     * Delivers RTCP the client sent for this track (receiver reports); it also keeps the
     * session alive. The buffer is valid only during the call. Never blocks; may be called
     * from any thread.
     */
    void rtcpReceived(ByteBuffer packet);

    /**
     * Delivers RTP the client sent for this track: a publisher's media, or the hole-punch
     * packets players send to open their NAT. The buffer is valid only during the call.
     * Never blocks; called from the transport's I/O thread.
     */
    void rtpReceived(ByteBuffer packet);
}
