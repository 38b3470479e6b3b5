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
}
