package io.tributary.api.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/** What a transport knows of the session and connection a track is set up in. */
@ProviderType
public interface TransportContext {
    /** The RTSP client's address (UDP may only send to this host unless an admin allows otherwise). */
    InetSocketAddress remoteAddress();

    /** The server address the RTSP client connected to. */
    InetSocketAddress localAddress();

    /** The RTSP connection of the SETUP, for transports that use it (interleaved). */
    ControlChannel control();

    /** The RTSP session id. */
    String sessionId();

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
