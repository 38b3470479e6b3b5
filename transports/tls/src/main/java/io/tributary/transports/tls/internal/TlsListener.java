package io.tributary.transports.tls.internal;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.tributary.api.transport.ConnectionInfo;
import io.tributary.api.transport.ControlLayer;
import io.tributary.api.transport.ControlListener;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;

/**
 * TLS on the control ports: recognised by its first bytes, answered with a server engine from
 * the current context. A reload swaps the context; connections keep the engine they got.
 */
final class TlsListener implements ControlListener {
    private final AtomicReference<SslContext> context;

    TlsListener(SslContext context) {
        this.context = new AtomicReference<>(Objects.requireNonNull(context, "context"));
    }

    /** New connections get engines from {@code next}. */
    void use(SslContext next) {
        context.set(Objects.requireNonNull(next, "next"));
    }

    SslContext context() {
        return context.get();
    }

    @Override
    public Detection detect(ByteBuffer firstBytes) {
        return TlsDetection.of(firstBytes);
    }

    /** The peer's address is passed to the engine for session resumption; it is not resolved (no DNS on the I/O thread). */
    @Override
    public ControlLayer accept(ConnectionInfo connection) {
        SslContext current = context.get();
        InetSocketAddress peer = connection.remote();
        SSLEngine engine = peer == null ? current.newEngine(ByteBufAllocator.DEFAULT)
                : current.newEngine(ByteBufAllocator.DEFAULT, peer.getHostString(), peer.getPort());
        return new ControlLayer.Tls(engine);
    }
}
