package io.tributary.api.transport;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A protocol clients speak on the engine's control ports besides plain RTSP (TLS now, RTSP
 * over HTTP), recognised by the first bytes a client sends, as Jetty's detecting
 * connection factory does. The engine asks the installed listeners in service ranking order;
 * a connection no listener claims is plain RTSP.
 *
 * <p>Register with {@link #PROTOCOL}; optionally {@link #PORT} for a port of the protocol's
 * own (where nothing else is accepted) and {@link #SHARED} {@code false} to keep it off the
 * RTSP port. A listener that goes away is no longer offered to new connections; connections
 * it already took go on.
 */
@ConsumerType
public interface ControlListener {
    /** Service property: the protocol's name, e.g. {@code tls}. */
    String PROTOCOL = "tributary.listener.protocol";
    /** Service property ({@code Integer}): a port only this protocol is spoken on (RTSPS: 322); 0 or absent for none. */
    String PORT = "tributary.listener.port";
    /** Service property ({@code Boolean}, default true): also recognise the protocol on the RTSP port. */
    String SHARED = "tributary.listener.shared";

    /** What the first bytes say. */
    enum Detection {
        /** They are this protocol's: {@link #accept} the connection. */
        MATCH,
        /** They are not. */
        NO_MATCH,
        /** Too few bytes to tell: ask again when more arrived. */
        NEED_MORE
    }

    /**
     * Looks at the first bytes a client sent. Must be quick and must not block.
     *
     * @param firstBytes a read-only view of what arrived so far (at least one byte)
     */
    Detection detect(ByteBuffer firstBytes);

    /**
     * Takes a connection whose first bytes matched; called on the connection's I/O thread,
     * must not block.
     */
    ControlLayer accept(ConnectionInfo connection);
}
