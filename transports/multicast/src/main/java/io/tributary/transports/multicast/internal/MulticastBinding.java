package io.tributary.transports.multicast.internal;

import io.tributary.api.transport.RtpFrame;
import io.tributary.api.transport.TrackSink;
import io.tributary.api.transport.TransportBinding;
import io.tributary.api.transport.TransportContext;
import io.tributary.rtsp.header.TransportSpec;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One reader's track bound to a group. Its session hands it the packets every reader of the
 * path hands over; the group sends each once. Packets are with the group's socket thread when
 * a call returns, so {@link #flush()} has nothing left to do.
 */
final class MulticastBinding implements TransportBinding, TrackSink {
    private final TransportSpec reply;
    private final MulticastGroup group;
    private final TransportContext context;
    private final Consumer<MulticastBinding> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    MulticastBinding(TransportSpec reply, MulticastGroup group, TransportContext context,
                     Consumer<MulticastBinding> onClose) {
        this.reply = reply;
        this.group = group;
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

    MulticastGroup group() {
        return group;
    }

    /** The SSRC its session sends with (a live path's readers share it). */
    long ssrc() {
        return context.ssrc();
    }

    /** The RTSP client's host: receiver reports from there are this reader's. */
    InetAddress host() {
        return context.remoteAddress().getAddress();
    }

    void rtcpReceived(ByteBuffer packet) {
        context.rtcpReceived(packet);
    }

    @Override
    public boolean sendRtp(ByteBuffer header, ByteBuffer payload) {
        return !closed.get() && group.sendRtp(header, payload);
    }

    @Override
    public boolean sendFrame(RtpFrame frame) {
        return !closed.get() && group.sendFrame(frame);
    }

    @Override
    public boolean sendRtcp(ByteBuffer packet) {
        return !closed.get() && group.sendRtcp(this, packet);
    }

    @Override
    public void flush() {
        // the group queued the packets on its socket's thread already
    }

    @Override
    public boolean writable() {
        return group.writable();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.accept(this);
        }
    }
}
