package io.tributary.api.transport;

import java.util.Objects;
import javax.net.ssl.SSLEngine;

/** How a {@link ControlListener} carries on with a connection it recognised. */
public sealed interface ControlLayer {
    /**
     * TLS: the engine decrypts the connection with this engine (in server mode) and reads what
     * is inside as it reads any connection (plain RTSP, or another listener's protocol), with
     * the connection marked secure: {@code rtsps}.
     */
    record Tls(SSLEngine engine) implements ControlLayer {
        public Tls {
            Objects.requireNonNull(engine, "engine");
        }
    }

    /**
     * The listener speaks the connection's protocol itself (RTSP over HTTP): the engine hands
     * it the bytes that arrive and a {@link ControlConnection} to answer on, and the listener
     * may turn the connection into one that carries RTSP out
     * ({@link ControlConnection#carryRtsp()}).
     */
    record Handled(ConnectionHandler handler) implements ControlLayer {
        public Handled {
            Objects.requireNonNull(handler, "handler");
        }
    }
}
