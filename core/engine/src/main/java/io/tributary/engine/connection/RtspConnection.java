package io.tributary.engine.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.tributary.api.transport.ControlChannel;
import io.tributary.api.transport.RtpFrame;
import io.tributary.engine.frame.PooledFrame;
import io.tributary.engine.handler.ClientConnection;
import io.tributary.engine.handler.Dispatcher;
import io.tributary.engine.handler.PipelinedRequests;
import io.tributary.engine.session.ServerRequests;
import io.tributary.engine.publish.Announcements;
import io.tributary.engine.session.SessionEndReason;
import io.tributary.engine.session.SessionManager;
import io.tributary.rtsp.message.Decoded;
import io.tributary.rtsp.message.RtspEncoder;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspRequest;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.message.RtspVersion;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: answers its requests one at a time in arrival order (so pipelined
 * requests get responses in order even when a handler completes later), routes the
 * interleaved frames the client sends, and carries interleaved media to it.
 */
final class RtspConnection extends ChannelInboundHandlerAdapter implements ControlChannel, ServerRequests {
    private static final Logger LOG = LoggerFactory.getLogger(RtspConnection.class);
    private static final int MAX_QUEUED_REQUESTS = 32;
    private static final int MAX_INTERLEAVED_CHANNEL = 255;

    /** A request to dispatch, or an answer already known (malformed input), in arrival order. */
    private record Queued(RtspRequest request, RtspResponse ready, boolean closeAfter) {
    }

    private final Dispatcher dispatcher;
    private final SessionManager sessions;
    private final boolean secure;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final Map<Integer, Consumer<ByteBuffer>> receivers = new ConcurrentHashMap<>();
    private final Announcements announcements = new Announcements();
    /** Actions to run once the response of the request being handled is written. */
    private final List<Runnable> afterResponse = new ArrayList<>();
    private Channel channel;
    private ClientConnection client;
    private boolean busy;
    private boolean closing;
    /** Writes media past the pipeline where it may (plain sockets); looked up on the first frame. */
    private SocketWriter socketWriter;
    private boolean socketWriterChecked;
    /** Whether output was handed to Netty since the last flush (frames written past it need none). */
    private volatile boolean queued;
    /** CSeq of the requests the server sends (RTSP 2.0 PLAY_NOTIFY, TEARDOWN); its own sequence. */
    private int serverCseq;

    /** @param secure whether the connection is encrypted (inside TLS) */
    RtspConnection(RtspPipeline.Shared shared, boolean secure) {
        this.dispatcher = shared.dispatcher();
        this.sessions = shared.sessions();
        this.secure = secure;
    }

    /** Added once the protocol is known, to a connection already open. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        client = new ClientConnection((InetSocketAddress) channel.remoteAddress(),
                (InetSocketAddress) channel.localAddress(), this, channel.eventLoop(), announcements, this::runAfterResponse,
                secure, new PipelinedRequests());
        LOG.debug("{} connection from {}", client.protocol(), channel.remoteAddress());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            return;
        }
        switch (msg) {
            case Decoded.Request r -> enqueue(new Queued(r.request(), null, false));
            case Decoded.Malformed m -> malformed(m);
            case Decoded.Interleaved frame -> {
                Consumer<ByteBuffer> receiver = receivers.get(frame.channel());
                if (receiver != null) {
                    receiver.accept(frame.payload());
                }
            }
            case Decoded.Response ignored -> LOG.debug("ignoring a response from client {}", channel.remoteAddress());
            default -> throw new IllegalStateException("unexpected " + msg.getClass());
        }
    }

    private void malformed(Decoded.Malformed m) {
        LOG.debug("bad request from {}: {} {}", channel.remoteAddress(), m.status().code(), m.reason());
        RtspResponse response = RtspResponse.of(m.answerVersion(), m.status())
                .body("text/plain", (m.reason() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (m.cseq() != null) {
            response = response.header(RtspHeaders.CSEQ, Integer.toString(m.cseq()));
        }
        if (m.fatal()) {
            channel.config().setAutoRead(false);
        }
        enqueue(new Queued(null, response, m.fatal()));
    }

    private void enqueue(Queued item) {
        if (queue.size() >= MAX_QUEUED_REQUESTS) {
            LOG.warn("closing connection from {}: more than {} requests pipelined", channel.remoteAddress(),
                    MAX_QUEUED_REQUESTS);
            closing = true;
            channel.close();
            return;
        }
        queue.add(item);
        processNext();
    }

    private void processNext() {
        if (busy || queue.isEmpty() || closing) {
            return;
        }
        busy = true;
        Queued item = queue.poll();
        CompletionStage<RtspResponse> stage = item.request() == null
                ? CompletableFuture.completedFuture(item.ready())
                : dispatcher.dispatch(item.request(), client);
        stage.whenComplete((response, error) -> channel.eventLoop().execute(() -> {
            RtspResponse out = response != null ? response : dispatcher.failure(item.request(), error);
            var future = channel.writeAndFlush(Unpooled.wrappedBuffer(RtspEncoder.encode(out)));
            if (item.closeAfter()) {
                closing = true;
                future.addListener(ChannelFutureListener.CLOSE);
            }
            runPendingAfterResponse();
            busy = false;
            processNext();
        }));
    }

    private void runAfterResponse(Runnable action) {
        synchronized (afterResponse) {
            afterResponse.add(action);
        }
    }

    private void runPendingAfterResponse() {
        List<Runnable> actions;
        synchronized (afterResponse) {
            if (afterResponse.isEmpty()) {
                return;
            }
            actions = new ArrayList<>(afterResponse);
            afterResponse.clear();
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("action after a response to {} failed", channel.remoteAddress(), e);
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == RtspFrameDecoder.RequestTimedOut && !closing) {
            LOG.debug("closing connection from {}: a request did not arrive in time", channel.remoteAddress());
            closing = true;
            channel.config().setAutoRead(false);
            RtspResponse timeout = RtspResponse.of(RtspVersion.RTSP_1_0, RtspStatus.REQUEST_TIMEOUT);
            channel.writeAndFlush(Unpooled.wrappedBuffer(RtspEncoder.encode(timeout))).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (event instanceof IdleStateEvent && !ownsSessions()) {
            LOG.debug("closing idle connection from {}", channel.remoteAddress());
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    /**
     * Whether a live session was set up on this connection: its connection stays open even when
     * quiet (a UDP publisher such as ffmpeg sends its media, but never a request).
     */
    private boolean ownsSessions() {
        return sessions.all().stream().anyMatch(s -> s.ownerConnection() == this || s.setupConnection() == this);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        receivers.clear();
        sessions.endWhere(s -> s.ownerConnection() == this, SessionEndReason.CONNECTION_CLOSED);
        announcements.close();
        LOG.debug("connection from {} closed", channel.remoteAddress());
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    // ControlChannel: interleaved media on this connection.

    @Override
    public boolean writeInterleaved(int channelId, ByteBuffer header, ByteBuffer payload) {
        if (!channel.isActive()) {
            return false;
        }
        int length = header.remaining() + payload.remaining();
        ByteBuf prefix = channel.alloc().directBuffer(4 + header.remaining());
        prefix.writeByte('$').writeByte(channelId).writeShort(length).writeBytes(header);
        queue(prefix);
        if (payload.hasRemaining()) {
            queue(Unpooled.wrappedBuffer(payload));
        }
        return true;
    }

    @Override
    public boolean writeFramed(ByteBuffer frames) {
        if (!channel.isActive()) {
            return false;
        }
        queue(Unpooled.wrappedBuffer(frames));
        return true;
    }

    @Override
    public boolean writeFrame(RtpFrame frame, int channelId) {
        if (!channel.isActive()) {
            return false;
        }
        if (frame instanceof PooledFrame pooled) {
            writePooled(pooled, channelId);
            return true;
        }
        ByteBuffer framed = frame.interleaved(channelId);
        frame.retain();
        queued = true;
        channel.write(Unpooled.wrappedBuffer(framed), channel.newPromise().addListener(written -> frame.release()));
        return true;
    }

    /**
     * The frame's kept layout for the channel, straight to the socket when it may (see
     * {@link SocketWriter}); what the socket does not take goes through Netty. A layout queued
     * in Netty is a reference of its own, released once written: no promise, no listener.
     */
    private void writePooled(PooledFrame frame, int channelId) {
        if (!socketWriterChecked) {
            socketWriterChecked = true;
            socketWriter = SocketWriter.of(channel);
        }
        ByteBuf layout = socketWriter != null ? frame.interleavedLayout(channelId) : null;
        if (layout == null) {
            queue(frame.interleavedBuffer(channelId));
        } else if (socketWriter.write(layout)) {
            queued = true;
        }
    }

    private void queue(ByteBuf bytes) {
        queued = true;
        channel.write(bytes, channel.voidPromise());
    }

    /** Flushes what was handed to Netty; nothing to do when every frame went straight to the socket. */
    @Override
    public void flush() {
        boolean onLoop = channel.eventLoop().inEventLoop();
        if (onLoop && socketWriter != null) {
            socketWriter.flushed();
        }
        if (queued || !onLoop) {
            queued = false;
            channel.flush();
        }
    }

    @Override
    public boolean writable() {
        return channel.isWritable();
    }

    @Override
    public boolean claim(int channelId, Consumer<ByteBuffer> receiver) {
        if (channelId < 0 || channelId > MAX_INTERLEAVED_CHANNEL) {
            return false;
        }
        return receivers.putIfAbsent(channelId, receiver) == null;
    }

    @Override
    public void release(int channelId) {
        receivers.remove(channelId);
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void sendRequest(RtspRequest request) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> sendRequest(request));
            return;
        }
        if (closing || !channel.isActive()) {
            return;
        }
        RtspRequest numbered = request.header(RtspHeaders.CSEQ, Integer.toString(++serverCseq));
        LOG.debug("{} {} to {}", request.method(), request.uri(), channel.remoteAddress());
        channel.writeAndFlush(Unpooled.wrappedBuffer(RtspEncoder.encode(numbered)), channel.voidPromise());
    }

    @Override
    public boolean isOpen() {
        return channel != null && channel.isActive();
    }

}
