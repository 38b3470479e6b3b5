package io.tributary.transports.httptunnel.internal;

import java.time.Duration;

/**
 * The configuration, checked.
 *
 * @param port                where only RTSP over HTTP is spoken; 0 for none
 * @param shared              whether it is also recognised on the RTSP port
 * @param pairingTimeout      how long a GET waits for its first POST, a POST for its GET, and a
 *                            request head may take to arrive
 * @param maxTunnels          most tunnels (and POSTs waiting for their GET) server-wide
 * @param maxTunnelsPerClient most of them from one client address
 */
record TunnelSettings(int port, boolean shared, Duration pairingTimeout, int maxTunnels, int maxTunnelsPerClient) {
    TunnelSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (none) or 1 to 65535, not " + port);
        }
        if (pairingTimeout.isNegative() || pairingTimeout.isZero()) {
            throw new IllegalArgumentException("pairingTimeoutSeconds must be at least 1, not " + pairingTimeout.toSeconds());
        }
        if (maxTunnels < 1) {
            throw new IllegalArgumentException("maxTunnels must be at least 1, not " + maxTunnels);
        }
        if (maxTunnelsPerClient < 1) {
            throw new IllegalArgumentException("maxTunnelsPerClient must be at least 1, not " + maxTunnelsPerClient);
        }
    }

    /** @throws IllegalArgumentException naming the key that is out of range */
    static TunnelSettings of(HttpTunnelConfig config) {
        return new TunnelSettings(config.port(), config.shared(), Duration.ofSeconds(config.pairingTimeoutSeconds()),
                config.maxTunnels(), config.maxTunnelsPerClient());
    }
}
