package io.tributary.engine.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import io.tributary.rtsp.message.RtspDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Adapts the protocol's incremental {@link RtspDecoder} to Netty: Netty keeps the bytes the
 * decoder leaves unconsumed and presents them again with the next read. Decoded frames
 * reference the input, so each is passed downstream at once, while the input is intact:
 * messages left in {@code out} are fired only after Netty has released or compacted the
 * input, and a publisher's interleaved packets would then be read from reused memory.
 *
 * <p>A message, once begun, must be complete within the request timeout: a client that
 * trickles a request byte by byte (slowloris) gets {@link RequestTimedOut} fired at its
 * connection, which answers 408 and closes.
 */
final class RtspFrameDecoder extends ByteToMessageDecoder {
    /** Fired when a message begun has not been completed in time. */
    static final Object RequestTimedOut = new Object() {
        @Override
        public String toString() {
            return "RequestTimedOut";
        }
    };

    private final RtspDecoder decoder = new RtspDecoder();
    private final long requestTimeoutNanos;
    private ScheduledFuture<?> deadline;

    RtspFrameDecoder(long requestTimeoutNanos) {
        this.requestTimeoutNanos = requestTimeoutNanos;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ByteBuffer view = in.nioBuffer(in.readerIndex(), in.readableBytes());
        int start = view.position();
        decoder.decode(view, ctx::fireChannelRead);
        in.skipBytes(view.position() - start);
        boolean midMessage = in.isReadable() || !decoder.betweenMessages();
        if (midMessage && deadline == null) {
            deadline = ctx.executor().schedule(() -> ctx.fireUserEventTriggered(RequestTimedOut),
                    requestTimeoutNanos, TimeUnit.NANOSECONDS);
        } else if (!midMessage && deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
