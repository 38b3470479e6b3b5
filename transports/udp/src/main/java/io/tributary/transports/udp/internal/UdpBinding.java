package io.tributary.transports.udp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import io.tributary.api.transport.RtpFrame;
import io.tributary.api.transport.TrackSink;
import io.tributary.api.transport.TransportBinding;
import io.tributary.api.transport.TransportContext;
import io.tributary.rtsp.header.TransportSpec;
import java.net.InetAddress;
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
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private final TransportSpec reply;
    private final UdpSender rtp;
    private final UdpSender rtcp;
    /** Where media goes: the announced client ports, or what NAT learning found. */
    private volatile InetSocketAddress rtpTarget;
    private volatile InetSocketAddress rtcpTarget;
    private volatile boolean rtpHeard;
    private volatile boolean rtcpHeard;
    private final long createdNanos = System.nanoTime();
    private final TransportContext context;
    private final Runnable onClose;
    private List<UdpSender.Outgoing> rtpBatch = new ArrayList<>();
    private List<UdpSender.Outgoing> rtcpBatch = new ArrayList<>();
    private volatile boolean closed;

    UdpBinding(TransportSpec reply, UdpSender rtp, UdpSender rtcp, InetSocketAddress rtpTarget,
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

    long createdNanos() {
        return createdNanos;
    }

    InetAddress host() {
        return rtpTarget.getAddress();
    }

    InetSocketAddress target(boolean rtp) {
        return rtp ? rtpTarget : rtcpTarget;
    }

    void retarget(boolean rtp, InetSocketAddress address) {
        if (rtp) {
            rtpTarget = address;
        } else {
            rtcpTarget = address;
        }
    }

    /** Whether a packet came from this binding's address on the RTP ({@code rtp}) or RTCP socket. */
    boolean heard(boolean rtp) {
        return rtp ? rtpHeard : rtcpHeard;
    }

    void markHeard(boolean rtp) {
        if (rtp) {
            rtpHeard = true;
        } else {
            rtcpHeard = true;
        }
    }

    /** Session and track, for logs. */
    String label() {
        String id = context.sessionId();
        return "session " + id.substring(0, Math.min(8, id.length())) + "… track " + context.track();
    }

    void rtcpReceived(ByteBuffer packet) {
        context.rtcpReceived(packet);
    }

    void rtpReceived(ByteBuffer packet) {
        context.rtpReceived(packet);
    }

    @Override
    public boolean sendRtp(ByteBuffer header, ByteBuffer payload) {
        if (closed || rtpBatch.size() >= MAX_BATCH) {
            return false;
        }
        rtpBatch.add(new UdpSender.Outgoing(new DatagramPacket(datagram(rtp, header, payload), rtpTarget), null));
        return true;
    }

    /** The shared frame as datagrams that point into it (segmented when the kernel can): no copy per reader. */
    @Override
    public boolean sendFrame(RtpFrame frame) {
        if (closed || rtpBatch.size() + frame.packetCount() > MAX_BATCH) {
            return false;
        }
        FrameDatagrams.add(frame, rtpTarget, rtp.segmentation(), rtpBatch);
        return true;
    }

    @Override
    public boolean sendRtcp(ByteBuffer packet) {
        if (closed || rtcpBatch.size() >= MAX_BATCH) {
            return false;
        }
        rtcpBatch.add(new UdpSender.Outgoing(new DatagramPacket(datagram(rtcp, packet, EMPTY), rtcpTarget), null));
        return true;
    }

    /**
     * One pooled direct buffer per datagram: the socket sends it without further copies
     * (a composite of heap and direct parts would be merged and copied again).
     */
    private static ByteBuf datagram(UdpSender sender, ByteBuffer header, ByteBuffer payload) {
        ByteBuf buffer = sender.channel().alloc().directBuffer(header.remaining() + payload.remaining());
        return buffer.writeBytes(header).writeBytes(payload);
    }

    /** Hands the batches to the sockets' threads; once closed, frees them instead (frames released). */
    @Override
    public void flush() {
        if (!rtpBatch.isEmpty()) {
            if (closed) {
                rtpBatch.forEach(UdpSender.Outgoing::discard);
            } else {
                rtp.send(rtpBatch);
            }
            rtpBatch = new ArrayList<>();
        }
        if (!rtcpBatch.isEmpty()) {
            if (closed) {
                rtcpBatch.forEach(UdpSender.Outgoing::discard);
            } else {
                rtcp.send(rtcpBatch);
            }
            rtcpBatch = new ArrayList<>();
        }
    }

    @Override
    public boolean writable() {
        return rtp.writable();
    }

    @Override
    public void close() {
        closed = true;
        onClose.run();
    }
}
