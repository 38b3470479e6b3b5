package io.tributary.transports.interleaved.internal;

import io.tributary.api.transport.ControlChannel;
import io.tributary.api.transport.RtpFrame;
import io.tributary.api.transport.TrackSink;
import io.tributary.api.transport.TransportBinding;
import io.tributary.rtsp.header.TransportSpec;
import java.nio.ByteBuffer;

/** One track carried on a pair of interleaved channels of an RTSP connection. */
final class InterleavedBinding implements TransportBinding, TrackSink {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
    private final TransportSpec reply;
    private final ControlChannel control;
    private final int rtpChannel;
    private final int rtcpChannel;

    InterleavedBinding(TransportSpec reply, ControlChannel control, int rtpChannel, int rtcpChannel) {
        this.reply = reply;
        this.control = control;
        this.rtpChannel = rtpChannel;
        this.rtcpChannel = rtcpChannel;
    }

    @Override
    public TransportSpec reply() {
        return reply;
    }

    @Override
    public TrackSink sink() {
        return this;
    }

    @Override
    public boolean sendRtp(ByteBuffer header, ByteBuffer payload) {
        return control.writeInterleaved(rtpChannel, header, payload);
    }

    /** One write for the whole frame, from the layout shared by every reader on this channel. */
    @Override
    public boolean sendFrame(RtpFrame frame) {
        return control.writeFrame(frame, rtpChannel);
    }

    @Override
    public boolean sendRtcp(ByteBuffer packet) {
        return rtcpChannel >= 0 && control.writeInterleaved(rtcpChannel, packet, EMPTY.duplicate());
    }

    @Override
    public void flush() {
        control.flush();
    }

    @Override
    public boolean writable() {
        return control.writable();
    }

    @Override
    public void close() {
        control.release(rtpChannel);
        if (rtcpChannel >= 0) {
            control.release(rtcpChannel);
        }
    }
}
