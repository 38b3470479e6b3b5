package io.tributary.engine.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.tributary.rtsp.message.RtspDecoder;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Adapts the protocol's incremental {@link RtspDecoder} to Netty: Netty keeps the bytes the
 * decoder leaves unconsumed and presents them again with the next read. Decoded frames
 * reference the input, so each is passed downstream at once, while the input is intact:
 * messages left in {@code out} are fired only after Netty has released or compacted the
 * input, and a publisher's interleaved packets would then be read from reused memory.
 */
final class RtspFrameDecoder extends ByteToMessageDecoder {
    private final RtspDecoder decoder = new RtspDecoder();

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ByteBuffer view = in.nioBuffer(in.readerIndex(), in.readableBytes());
        int start = view.position();
        decoder.decode(view, ctx::fireChannelRead);
        in.skipBytes(view.position() - start);
    }
}
