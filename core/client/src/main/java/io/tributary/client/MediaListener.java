package io.tributary.client;

import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a session's media. Called on the session's event loop: return quickly and never
 * block (hand work elsewhere). An exception thrown here is logged and the packet counted as
 * delivered; it does not end the session.
 */
@ConsumerType
public interface MediaListener {

    /** A listener that ignores everything. */
    MediaListener NONE = (track, header, packet) -> { };

    /**
     * One RTP packet of {@code track}.
     *
     * @param header the parsed fixed header (payload offset and length included)
     * @param packet the whole packet, read-only, valid only during this call: copy what you keep
     */
    void onRtp(int track, RtpHeader header, ByteBuffer packet);

    /** One RTCP (compound) packet of {@code track}; read-only, valid only during this call. */
    default void onRtcp(int track, ByteBuffer packet) {
    }

    /** The session ended; called once, after which no packet arrives. */
    default void onSessionEnded(SessionEnd end) {
    }
}
