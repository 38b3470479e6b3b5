package io.tributary.transports.srtp.internal;

import io.tributary.api.transport.ControlChannel;
import io.tributary.api.transport.TransportContext;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The engine's context as the plain transport sees it for an RTP/SAVP track: what the client
 * sends is SRTP and SRTCP, decrypted with the client's keys ({@code KeyMgmt}) before the
 * engine gets it. Without such keys, a reader's SRTCP is handed on as it came (the engine only
 * needs it as a sign of life then) and its RTP, which are hole punches, too. A publisher always
 * has keys.
 */
final class UnprotectingContext implements TransportContext {
    private final TransportContext engine;
    private final ClientKeys keys;
    private final boolean publisher;
    /** Made once: a method reference per packet would be an allocation per packet. */
    private final Consumer<ByteBuffer> rtcpToEngine;
    private final Consumer<ByteBuffer> rtpToEngine;

    /** @param keys the client's, or null when it gave none (never for a publisher) */
    UnprotectingContext(TransportContext engine, ClientKeys keys, boolean publisher) {
        if (publisher && keys == null) {
            throw new IllegalArgumentException("a publisher's SRTP needs its keys");
        }
        this.engine = engine;
        this.keys = keys;
        this.publisher = publisher;
        this.rtcpToEngine = engine::rtcpReceived;
        this.rtpToEngine = engine::rtpReceived;
    }

    @Override
    public void rtcpReceived(ByteBuffer packet) {
        if (keys == null) {
            engine.rtcpReceived(packet);
        } else {
            keys.unprotectRtcp(packet, rtcpToEngine);
        }
    }

    @Override
    public void rtpReceived(ByteBuffer packet) {
        if (publisher) {
            keys.unprotectRtp(packet, rtpToEngine);
        } else {
            engine.rtpReceived(packet);
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return engine.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return engine.localAddress();
    }

    @Override
    public ControlChannel control() {
        return engine.control();
    }

    @Override
    public String sessionId() {
        return engine.sessionId();
    }

    @Override
    public String path() {
        return engine.path();
    }

    @Override
    public boolean secure() {
        return engine.secure();
    }

    @Override
    public String requestHeader(String name) {
        return engine.requestHeader(name);
    }

    @Override
    public java.util.concurrent.Executor sendingLoop() {
        return engine.sendingLoop();
    }

    @Override
    public boolean sharedStream() {
        return engine.sharedStream();
    }

    @Override
    public int track() {
        return engine.track();
    }

    @Override
    public long ssrc() {
        return engine.ssrc();
    }
}
