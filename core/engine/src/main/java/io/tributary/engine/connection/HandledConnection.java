package io.tributary.engine.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.tributary.api.transport.ConnectionHandler;
import io.tributary.api.transport.ConnectionInfo;
import io.tributary.api.transport.ControlConnection;
import io.tributary.api.transport.RtspInput;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection a control listener speaks itself ({@code ControlLayer.Handled}, RTSP over HTTP):
 * hands the listener what arrives until it turns the connection into one that carries RTSP
 * out, whose requests the listener then feeds from elsewhere (the tunnel's POST). Fed bytes
 * enter the pipeline here, after the idle and admission handlers, so they count as the
 * connection's activity: an idle event is passed on only when nothing was fed since the last.
 */
final class HandledConnection extends ChannelInboundHandlerAdapter implements ControlConnection {
    private static final Logger LOG = LoggerFactory.getLogger(HandledConnection.class);
    /**
     * Fed bytes not yet read by the RTSP decoder: requests are small, so more than this means a
     * feeder outrunning its connection (the RTSP decoder bounds a message to less).
     */
    static final int MAX_PENDING_BYTES = 1 << 20;

    private final RtspPipeline.Shared shared;
    private final ConnectionHandler handler;
    private final ConnectionInfo info;
    private ChannelHandlerContext ctx;
    private Input input;
    private boolean closed;
    private volatile boolean fedSinceIdle;

    HandledConnection(RtspPipeline.Shared shared, ConnectionHandler handler, ConnectionInfo info) {
        this.shared = shared;
        this.handler = handler;
        this.info = info;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        try {
            handler.opened(this);
        } catch (RuntimeException e) {
            LOG.warn("connection handler {} failed to open a connection", handler.getClass().getName(), e);
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            if (input != null || closed) {
                return; // the client's own bytes on a connection that carries RTSP out: not read
            }
            ByteBuffer view = bytes.nioBufferCount() == 1
                    ? bytes.nioBuffer(bytes.readerIndex(), bytes.readableBytes())
                    : ByteBuffer.wrap(io.netty.buffer.ByteBufUtil.getBytes(bytes));
            handler.received(view.asReadOnlyBuffer());
        } catch (RuntimeException e) {
            LOG.warn("connection handler {} failed on input from {}", handler.getClass().getName(), info.remote(), e);
            context.close();
        } finally {
            bytes.release();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof IdleStateEvent) {
            if (input == null || fedSinceIdle) {
                // before RTSP: the listener's own deadlines apply (a tunnel's POST is quiet between requests)
                fedSinceIdle = false;
                return;
            }
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (!closed) {
            closed = true;
            try {
                handler.closed();
            } catch (RuntimeException e) {
                LOG.warn("connection handler {} failed on close", handler.getClass().getName(), e);
            }
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("connection from {} failed: {}", info.remote(), cause.toString());
        context.close();
    }

    // ControlConnection

    @Override
    public ConnectionInfo info() {
        return info;
    }

    @Override
    public void write(ByteBuffer bytes) {
        ctx.writeAndFlush(Unpooled.copiedBuffer(bytes), ctx.voidPromise());
    }

    @Override
    public RtspInput carryRtsp() {
        if (!ctx.executor().inEventLoop()) {
            throw new IllegalStateException("carryRtsp() must be called on the connection's I/O thread");
        }
        if (input != null || closed || !ctx.channel().isActive()) {
            throw new IllegalStateException(input != null ? "the connection already carries RTSP" : "the connection is closed");
        }
        RtspPipeline.addRtsp(ctx.pipeline(), ctx.name(), shared, info.secure());
        input = new Input();
        return input;
    }

    @Override
    public Future<?> schedule(Duration delay, Runnable task) {
        return ctx.executor().schedule(() -> {
            if (!closed) {
                task.run();
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        ctx.close();
    }

    /** Requests fed from elsewhere, read by the RTSP decoder after this handler, on this connection's loop. */
    private final class Input implements RtspInput {
        private final AtomicInteger pending = new AtomicInteger();

        @Override
        public boolean feed(ByteBuffer bytes) {
            int length = bytes.remaining();
            if (!isOpen() || pending.addAndGet(length) > MAX_PENDING_BYTES) {
                pending.addAndGet(-length);
                return false;
            }
            ByteBuf copy = Unpooled.copiedBuffer(bytes);
            fedSinceIdle = true;
            ctx.executor().execute(() -> {
                pending.addAndGet(-length);
                if (closed) {
                    copy.release();
                    return;
                }
                ctx.fireChannelRead(copy);
                ctx.fireChannelReadComplete();
            });
            return true;
        }

        @Override
        public boolean isOpen() {
            return !closed && ctx.channel().isActive();
        }
    }
}
