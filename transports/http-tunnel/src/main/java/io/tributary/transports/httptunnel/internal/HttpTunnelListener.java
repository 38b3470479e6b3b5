package io.tributary.transports.httptunnel.internal;

import io.tributary.api.transport.ConnectionInfo;
import io.tributary.api.transport.ControlLayer;
import io.tributary.api.transport.ControlListener;
import java.nio.ByteBuffer;

/** RTSP over HTTP on the control ports: a GET or POST takes the connection, which it then speaks itself. */
final class HttpTunnelListener implements ControlListener {
    private final Tunnels tunnels;
    private final TunnelSettings settings;

    HttpTunnelListener(Tunnels tunnels, TunnelSettings settings) {
        this.tunnels = tunnels;
        this.settings = settings;
    }

    @Override
    public Detection detect(ByteBuffer firstBytes) {
        return TunnelDetection.of(firstBytes);
    }

    @Override
    public ControlLayer accept(ConnectionInfo connection) {
        return new ControlLayer.Handled(new TunnelConnection(tunnels, settings));
    }
}
