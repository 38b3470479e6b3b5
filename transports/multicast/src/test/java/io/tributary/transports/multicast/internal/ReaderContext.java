package io.tributary.transports.multicast.internal;

import io.tributary.api.transport.ControlChannel;
import io.tributary.api.transport.TransportContext;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/** One reader's session as a transport sees it, counting the receiver reports it is handed. */
final class ReaderContext implements TransportContext {
    private final InetSocketAddress client;
    private final String path;
    private final int track;
    private final long ssrc;
    private final boolean shared;
    private final String session;
    final AtomicInteger reports = new AtomicInteger();

    ReaderContext(String clientHost, String path, int track, long ssrc, boolean shared, String session) {
        this.client = new InetSocketAddress(clientHost, 40000);
        this.path = path;
        this.track = track;
        this.ssrc = ssrc;
        this.shared = shared;
        this.session = session;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return client;
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 8554);
    }

    @Override
    public ControlChannel control() {
        return null; // multicast does not use the RTSP connection
    }

    @Override
    public String sessionId() {
        return session;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean secure() {
        return false;
    }

    @Override
    public String requestHeader(String name) {
        return null;
    }

    @Override
    public java.util.concurrent.Executor sendingLoop() {
        return Runnable::run;
    }

    @Override
    public boolean sharedStream() {
        return shared;
    }

    @Override
    public int track() {
        return track;
    }

    @Override
    public long ssrc() {
        return ssrc;
    }

    @Override
    public void rtcpReceived(ByteBuffer packet) {
        reports.incrementAndGet();
    }

    @Override
    public void rtpReceived(ByteBuffer packet) {
    }
}
