package io.tributary.transports.srtp.internal;

import io.tributary.api.transport.MediaTransport;
import io.tributary.api.transport.RtpFrame;
import io.tributary.api.transport.TrackSink;
import io.tributary.api.transport.TransportBinding;
import io.tributary.api.transport.TransportContext;
import io.tributary.rtsp.header.PortRange;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A plain RTP/AVP transport as the SAVP transports see one: it answers with a server port,
 * keeps the spec and context it was bound with, and its bindings record what they are given.
 */
final class PlainTransportFake implements MediaTransport {
    /** One bound track: what the engine's side would have got. */
    static final class Binding implements TransportBinding, TrackSink {
        final TransportSpec spec;
        final TransportContext context;
        final List<RtpFrame> frames = new ArrayList<>();
        final List<ByteBuffer> rtp = new ArrayList<>();
        final List<ByteBuffer> rtcp = new ArrayList<>();
        int flushes;
        boolean closed;

        Binding(TransportSpec spec, TransportContext context) {
            this.spec = spec;
            this.context = context;
        }

        @Override
        public TransportSpec reply() {
            return spec.withServerPort(PortRange.pair(8000)).withSsrc(String.format("%08X", context.ssrc()));
        }

        @Override
        public TrackSink sink() {
            return this;
        }

        @Override
        public boolean sendRtp(ByteBuffer header, ByteBuffer payload) {
            ByteBuffer packet = ByteBuffer.allocate(header.remaining() + payload.remaining());
            packet.put(header.duplicate()).put(payload.duplicate()).flip();
            rtp.add(packet);
            return true;
        }

        @Override
        public boolean sendFrame(RtpFrame frame) {
            frames.add(frame);
            return true;
        }

        @Override
        public boolean sendRtcp(ByteBuffer packet) {
            rtcp.add(packet);
            return true;
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public boolean writable() {
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final List<Binding> bindings = new ArrayList<>();
    /** When set, the next bind fails with it. */
    RtspException failNext;

    @Override
    public CompletionStage<TransportBinding> bind(TransportSpec requested, TransportContext context) {
        if (failNext != null) {
            RtspException failure = failNext;
            failNext = null;
            return CompletableFuture.failedFuture(failure);
        }
        Binding binding = new Binding(requested, context);
        bindings.add(binding);
        return CompletableFuture.completedFuture(binding);
    }

    Binding last() {
        return bindings.get(bindings.size() - 1);
    }
}
