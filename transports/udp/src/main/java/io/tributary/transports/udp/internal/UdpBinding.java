package io.tributary.transports.udp.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.tributary.api.transport.TrackSink;
import io.tributary.api.transport.TransportBinding;
import io.tributary.api.transport.TransportContext;
import io.tributary.rtsp.header.TransportSpec;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One track of one session over UDP. Packets are collected until {@link #flush()} and then
 * handed to the shared socket's event loop in one task, where Netty writes them together.
 * Not thread-safe: used by its session's thread.
 */
final class UdpBinding implements TransportBinding, TrackSink {
    private static final int MAX_BATCH = 4096;
    private final TransportSpec reply;
    private final Channel rtp;
    private final Channel rtcp;
    private final InetSocketAddress rtpTarget;
    private final InetSocketAddress rtcpTarget;
    private final TransportContext context;
    private final Runnable onClose;
    private List<DatagramPacket> rtpBatch = new ArrayList<>();
    private List<DatagramPacket> rtcpBatch = new ArrayList<>();
    private volatile boolean closed;

    UdpBinding(TransportSpec reply, Channel rtp, Channel rtcp, InetSocketAddress rtpTarget,
               InetSocketAddress rtcpTarget, TransportContext context, Runnable onClose) {
        this.reply = reply;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.rtpTarget = rtpTarget;
        this.rtcpTarget = rtcpTarget;
        this.context = context;
        this.onClose = onClose;
    }

    @Override
    public TransportSpec reply() {
        return reply;
    }

    @Override
    public TrackSink sink() {
        return this;
    }

    void rtcpReceived(ByteBuffer packet) {
        context.rtcpReceived(packet);
    }

    @Override
    public boolean sendRtp(ByteBuffer header, ByteBuffer payload) {
        if (closed || rtpBatch.size() >= MAX_BATCH) {
            return false;
        }
        rtpBatch.add(new DatagramPacket(Unpooled.wrappedBuffer(header, payload), rtpTarget));
        return true;
    }

    @Override
    public boolean sendRtcp(ByteBuffer packet) {
        if (closed || rtcpBatch.size() >= MAX_BATCH) {
            return false;
        }
        rtcpBatch.add(new DatagramPacket(Unpooled.wrappedBuffer(packet), rtcpTarget));
        return true;
    }

    @Override
    public void flush() {
        write(rtp, rtpBatch);
        write(rtcp, rtcpBatch);
        rtpBatch = rtpBatch.isEmpty() ? rtpBatch : new ArrayList<>();
        rtcpBatch = rtcpBatch.isEmpty() ? rtcpBatch : new ArrayList<>();
    }

    private static void write(Channel channel, List<DatagramPacket> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<DatagramPacket> packets = batch;
        Runnable task = () -> {
            for (DatagramPacket packet : packets) {
                channel.write(packet, channel.voidPromise());
            }
            channel.flush();
        };
        if (channel.eventLoop().inEventLoop()) {
            task.run();
        } else {
            channel.eventLoop().execute(task);
        }
    }

    @Override
    public boolean writable() {
        return rtp.isWritable();
    }

    @Override
    public void close() {
        closed = true;
        onClose.run();
    }
}
