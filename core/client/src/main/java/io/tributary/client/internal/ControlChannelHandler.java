package io.tributary.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.tributary.rtsp.message.Decoded;
import io.tributary.rtsp.message.RtspDecoder;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The inbound side of the RTSP control connection: feeds bytes to {@link RtspDecoder} and
 * hands every result to the session <em>during</em> the decode call. That is deliberate:
 * an interleaved payload is a slice of Netty's cumulation buffer, which
 * {@code ByteToMessageDecoder} may release before it fires messages collected in {@code out};
 * handing it over synchronously keeps "valid during the call" true for media listeners,
 * without a copy or a reference count per packet.
 */
final class ControlChannelHandler extends ByteToMessageDecoder {

    /** What the session needs from its control connection. Called on the channel's event loop. */
    interface Events {
        void onDecoded(Decoded message);

        void onInactive();

        void onFailure(Throwable cause);
    }

    private final RtspDecoder decoder;
    private final Events events;

    ControlChannelHandler(RtspDecoder.Limits limits, Events events) {
        this.decoder = new RtspDecoder(limits);
        this.events = events;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ByteBuffer view = in.nioBuffer(in.readerIndex(), in.readableBytes());
        int start = view.position();
        decoder.decode(view, events::onDecoded);
        in.skipBytes(view.position() - start);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        super.channelInactive(ctx);
        events.onInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        events.onFailure(cause);
        ctx.close();
    }
}
