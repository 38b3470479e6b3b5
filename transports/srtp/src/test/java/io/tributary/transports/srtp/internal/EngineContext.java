package io.tributary.transports.srtp.internal;

import io.tributary.api.transport.ControlChannel;
import io.tributary.api.transport.TransportContext;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The engine's side of a track for tests: what it knows of the SETUP, and what reached it. */
final class EngineContext implements TransportContext {
    final Connection connection;
    final String path;
    final int track;
    final long ssrc;
    final boolean sharedStream;
    final boolean secure;
    final Map<String, String> headers = new HashMap<>();
    final List<byte[]> rtcpReceived = new ArrayList<>();
    final List<byte[]> rtpReceived = new ArrayList<>();

    EngineContext(Connection connection, String path, int track, long ssrc, boolean sharedStream, boolean secure) {
        this.connection = connection;
        this.path = path;
        this.track = track;
        this.ssrc = ssrc;
        this.sharedStream = sharedStream;
        this.secure = secure;
    }

    /** A reader of a live path on an RTSPS connection. */
    static EngineContext live(Connection connection, String path, long ssrc) {
        return new EngineContext(connection, path, 0, ssrc, true, true);
    }

    /** A session playing a file on an RTSPS connection, with its own SSRC. */
    static EngineContext file(Connection connection, String path, long ssrc) {
        return new EngineContext(connection, path, 0, ssrc, false, true);
    }

    EngineContext header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return connection.remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 322);
    }

    @Override
    public ControlChannel control() {
        return connection;
    }

    @Override
    public String sessionId() {
        return "session-" + connection.remote.getPort();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public String requestHeader(String name) {
        return headers.get(name);
    }

    @Override
    public java.util.concurrent.Executor sendingLoop() {
        return Runnable::run;
    }

    @Override
    public boolean sharedStream() {
        return sharedStream;
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
        rtcpReceived.add(Rtp.bytes(packet));
    }

    @Override
    public void rtpReceived(ByteBuffer packet) {
        rtpReceived.add(Rtp.bytes(packet));
    }

    /** A client's RTSP connection; only its identity matters here. */
    static final class Connection implements ControlChannel {
        private static final AtomicInteger CONNECTIONS = new AtomicInteger();
        final InetSocketAddress remote;

        Connection() {
            remote = new InetSocketAddress("127.0.0.1", 1024 + Math.floorMod(CONNECTIONS.getAndIncrement(), 60_000));
        }

        @Override
        public boolean writeInterleaved(int channel, ByteBuffer header, ByteBuffer payload) {
            return false;
        }

        @Override
        public boolean writeFramed(ByteBuffer frames) {
            return false;
        }

        @Override
        public boolean writeFrame(io.tributary.api.transport.RtpFrame frame, int channel) {
            return false;
        }

        @Override
        public void flush() {
        }

        @Override
        public boolean writable() {
            return true;
        }

        @Override
        public boolean claim(int channel, Consumer<ByteBuffer> receiver) {
            return false;
        }

        @Override
        public void release(int channel) {
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }
}
