package io.tributary.transports.srtp.internal;

import io.tributary.api.transport.TrackSink;
import io.tributary.api.transport.TransportBinding;
import io.tributary.rtsp.header.TransportSpec;
import java.util.concurrent.atomic.AtomicBoolean;

/** An RTP/SAVP track: the plain transport's binding, answered as RTP/SAVP and sending through {@code sink}. */
final class SecureBinding implements TransportBinding {
    private final TransportBinding plain;
    private final TransportSpec reply;
    private final TrackSink sink;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param release gives the key back when the binding closes */
    SecureBinding(TransportBinding plain, String profile, TrackSink sink, Runnable release) {
        this.plain = plain;
        this.reply = SecureTransport.withProfile(plain.reply(), profile);
        this.sink = sink;
        this.release = release;
    }

    @Override
    public TransportSpec reply() {
        return reply;
    }

    @Override
    public TrackSink sink() {
        return sink;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                plain.close();
            } finally {
                release.run();
            }
        }
    }
}
