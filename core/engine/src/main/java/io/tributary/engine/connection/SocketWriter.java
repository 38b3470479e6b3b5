package io.tributary.engine.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.Socket;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Writes media straight to a connection's socket while nothing waits in Netty's outbound
 * buffer. Fan-out writes every frame to every reader's connection; through the pipeline, each
 * of those writes costs a derived buffer, an outbound entry, four atomic updates and a flush,
 * about a third of the CPU of live fan-out over TCP (perf, 500 readers). A socket that takes
 * the whole frame, the usual case, needs none of it. What it does not take, and anything while
 * earlier output is queued, goes through Netty as before, so order and back-pressure
 * (writability, EPOLLOUT) stay Netty's.
 *
 * <p>A system call per write is cheaper than Netty's path only while each flush carries one
 * write (live video: a frame per reader and flush). When flushes carry several (a file's video
 * and audio samples sent together, the cached keyframe and its group on joining a live
 * stream), Netty gathers them into one {@code writev}: so only the first write after a flush
 * goes straight to the socket, and only once the last {@value #SINGLE_FLUSHES} flushes each
 * carried one write (a file's audio and video make some flushes carry one and some two).
 *
 * <p>Only for plain epoll sockets whose pipeline has no outbound handler that changes or
 * watches the bytes (TLS does; the reader-idle handler does not), and only on the channel's
 * event loop.
 */
final class SocketWriter {
    /** Flushes in a row with one write each that let writes go straight to the socket. */
    static final int SINGLE_FLUSHES = 8;
    private final Channel channel;
    private final Socket socket;
    /** Writes since the last flush; confined to the event loop. */
    private int writesSinceFlush;
    /** Flushes in a row that carried one write at most, up to {@link #SINGLE_FLUSHES}. */
    private int singleFlushes = SINGLE_FLUSHES;

    private SocketWriter(Channel channel, Socket socket) {
        this.channel = channel;
        this.socket = socket;
    }

    /** A writer for {@code channel}, or {@code null} when its bytes must go through its pipeline. */
    static SocketWriter of(Channel channel) {
        if (!(channel instanceof EpollSocketChannel epoll) || !(epoll.fd() instanceof Socket socket)) {
            return null;
        }
        for (Map.Entry<String, ChannelHandler> entry : channel.pipeline()) {
            ChannelHandler handler = entry.getValue();
            if (handler instanceof ChannelOutboundHandler && !(handler instanceof IdleStateHandler idle
                    && idle.getWriterIdleTimeInMillis() == 0 && idle.getAllIdleTimeInMillis() == 0)) {
                return null;
            }
        }
        return new SocketWriter(channel, socket);
    }

    /**
     * Writes {@code shared}'s readable bytes: what the socket takes now straight to it, the
     * rest through the pipeline as a buffer of its own (a reference Netty releases once written;
     * the caller flushes). Consumes neither {@code shared}'s bytes nor its reference. Returns
     * whether anything went to the pipeline.
     */
    boolean write(ByteBuf shared) {
        int length = shared.readableBytes();
        boolean first = writesSinceFlush++ == 0;
        int written = first && singleFlushes == SINGLE_FLUSHES ? writeNow(shared) : -1;
        if (written == length) {
            return false;
        }
        ByteBuf rest = written <= 0 ? shared.retainedDuplicate()
                : shared.retainedSlice(shared.readerIndex() + written, length - written);
        channel.write(rest, channel.voidPromise());
        return true;
    }

    /** The connection flushed (on the event loop): the writes since the last one set how the next ones go. */
    void flushed() {
        singleFlushes = writesSinceFlush > 1 ? 0 : Math.min(singleFlushes + 1, SINGLE_FLUSHES);
        writesSinceFlush = 0;
    }

    /**
     * What the socket takes now of {@code buffer}'s readable bytes: their number, 0 when the
     * socket is full, or -1 when nothing may be written past the pipeline (output is queued
     * there, the caller is not on the event loop, or the socket failed: Netty's own write then
     * reports the failure).
     */
    private int writeNow(ByteBuf buffer) {
        // On the loop, where the channel closes, an open socket stays open until this write is
        // done: its descriptor cannot be closed and reused by another connection meanwhile.
        if (!channel.eventLoop().inEventLoop() || !socket.isOpen()) {
            return -1;
        }
        ChannelOutboundBuffer queued = channel.unsafe().outboundBuffer();
        if (queued == null || queued.totalPendingWriteBytes() != 0) {
            return -1;
        }
        try {
            if (buffer.hasMemoryAddress()) {
                return socket.sendAddress(buffer.memoryAddress(), buffer.readerIndex(), buffer.writerIndex());
            }
            ByteBuffer bytes = buffer.nioBuffer();
            return socket.send(bytes, bytes.position(), bytes.limit());
        } catch (IOException failed) {
            return -1;
        }
    }
}
