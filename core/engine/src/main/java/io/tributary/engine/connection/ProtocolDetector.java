package io.tributary.engine.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.tributary.api.transport.ConnectionInfo;
import io.tributary.api.transport.ControlLayer;
import io.tributary.api.transport.ControlListener;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out what a client speaks from its first bytes (Jetty's detecting connection factory):
 * the first listener that recognises them takes the connection, otherwise it is plain RTSP.
 * On a listener's own port ({@code required}) nothing else is accepted. Once decided, the
 * detector replaces itself with the protocol's handlers and hands them the bytes it read.
 * A client that says too little to decide within the request timeout is disconnected.
 */
final class ProtocolDetector extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolDetector.class);
    /** No protocol needs more to be recognised: past this, NEED_MORE counts as no. */
    private static final int MAX_DETECTION_BYTES = 64;

    private final RtspPipeline.Shared shared;
    private final List<ControlListener> candidates;
    private final boolean required;
    private final boolean secure;
    private ScheduledFuture<?> deadline;

    /**
     * @param candidates the listeners to ask, in ranking order
     * @param required   whether one of them must take the connection (a listener's own port)
     * @param secure     whether the connection is already inside TLS
     */
    ProtocolDetector(RtspPipeline.Shared shared, List<ControlListener> candidates, boolean required, boolean secure) {
        this.shared = shared;
        this.candidates = List.copyOf(candidates);
        this.required = required;
        this.secure = secure;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            LOG.debug("closing connection from {}: it did not say what it speaks", ctx.channel().remoteAddress());
            ctx.close();
        }, shared.requestTimeoutSeconds(), TimeUnit.SECONDS);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        ByteBuffer first = in.nioBuffer(in.readerIndex(), Math.min(in.readableBytes(), MAX_DETECTION_BYTES))
                .asReadOnlyBuffer();
        boolean undecided = false;
        for (ControlListener listener : candidates) {
            ControlListener.Detection detection;
            try {
                detection = listener.detect(first.duplicate());
            } catch (RuntimeException e) {
                LOG.warn("control listener {} failed to look at a connection", listener.getClass().getName(), e);
                continue;
            }
            if (detection == ControlListener.Detection.MATCH) {
                take(ctx, listener);
                return;
            }
            undecided |= detection == ControlListener.Detection.NEED_MORE;
        }
        if (undecided && in.readableBytes() < MAX_DETECTION_BYTES) {
            return; // wait for more bytes
        }
        if (required) {
            LOG.debug("closing connection from {}: not the protocol of this port", ctx.channel().remoteAddress());
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        RtspPipeline.addRtsp(ctx.pipeline(), ctx.name(), shared, secure);
        ctx.pipeline().remove(this); // hands what was read to RTSP
    }

    private void take(ChannelHandlerContext ctx, ControlListener listener) {
        ConnectionInfo info = new ConnectionInfo((InetSocketAddress) ctx.channel().remoteAddress(),
                (InetSocketAddress) ctx.channel().localAddress(), secure);
        ControlLayer layer = listener.accept(info);
        switch (layer) {
            case ControlLayer.Tls tls -> {
                tls.engine().setUseClientMode(false);
                String name = ctx.name() + "-tls";
                // A handshake trickled in byte by byte keeps the idle timer quiet and comes before
                // any request, so nothing else bounds it: without this, Netty's own 10 s would hold
                // a slowloris over TLS whatever requestTimeoutSeconds says.
                SslHandler ssl = new SslHandler(tls.engine());
                ssl.setHandshakeTimeoutMillis(TimeUnit.SECONDS.toMillis(shared.requestTimeoutSeconds()));
                ctx.pipeline().addAfter(ctx.name(), name, ssl);
                // inside TLS: the other shared protocols (RTSP over HTTP), else RTSP
                List<ControlListener> inner = shared.listeners().get().stream().filter(l -> l != listener).toList();
                RtspPipeline.addInner(ctx.pipeline(), name, shared, inner, true);
            }
            case ControlLayer.Handled handled -> ctx.pipeline().addAfter(ctx.name(), ctx.name() + "-handled",
                    new HandledConnection(shared, handled.handler(), info));
        }
        ctx.pipeline().remove(this); // hands what was read to the new layer
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // e.g. a failed TLS handshake reaching the detector inside it
        LOG.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
