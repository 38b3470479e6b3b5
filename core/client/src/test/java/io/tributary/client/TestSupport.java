package io.tributary.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Event loops, a recording listener, RTP packets and an independent Digest check for the tests. */
final class TestSupport {
    private TestSupport() {
    }

    static final String SDP = String.join("\r\n",
            "v=0",
            "o=- 1 1 IN IP4 127.0.0.1",
            "s=test",
            "t=0 0",
            "m=video 0 RTP/AVP 96",
            "a=rtpmap:96 H264/90000",
            "a=control:trackID=1",
            "m=audio 0 RTP/AVP 0",
            "a=control:trackID=2",
            "");

    /** Epoll when the native library loads (as in production), NIO otherwise. */
    static EventLoopGroup group(int threads) {
        return new MultiThreadIoEventLoopGroup(threads,
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    static <T> T await(CompletionStage<T> stage, long millis) throws Exception {
        try {
            return stage.toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The failure of a stage that must fail within {@code millis}. */
    static Throwable failure(CompletionStage<?> stage, long millis) throws InterruptedException, TimeoutException {
        try {
            stage.toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the stage succeeded");
    }

    static byte[] rtp(int pt, int seq, long ts, long ssrc, int payloadBytes) {
        ByteBuffer b = ByteBuffer.allocate(RtpHeader.SIZE + payloadBytes);
        RtpHeader.write(b, false, pt, seq, ts, ssrc);
        return b.array();
    }

    static byte[] rtcpBye(long ssrc) {
        return new byte[] {(byte) 0x81, (byte) 203, 0, 1, (byte) (ssrc >> 24), (byte) (ssrc >> 16), (byte) (ssrc >> 8),
                (byte) ssrc};
    }

    /** A received packet, copied out of the listener call. */
    record Packet(int track, boolean rtcp, int seq, byte[] bytes) {
    }

    /** Records everything the session delivers. */
    static final class Recorder implements MediaListener {
        final BlockingQueue<Packet> packets = new LinkedBlockingQueue<>();
        final CompletableFuture<SessionEnd> end = new CompletableFuture<>();
        volatile boolean writableBufferSeen;

        @Override
        public void onRtp(int track, RtpHeader header, ByteBuffer packet) {
            writableBufferSeen |= !packet.isReadOnly();
            byte[] b = new byte[packet.remaining()];
            packet.duplicate().get(b);
            packets.add(new Packet(track, false, header.sequenceNumber(), b));
        }

        @Override
        public void onRtcp(int track, ByteBuffer packet) {
            byte[] b = new byte[packet.remaining()];
            packet.duplicate().get(b);
            packets.add(new Packet(track, true, -1, b));
        }

        @Override
        public void onSessionEnded(SessionEnd e) {
            end.complete(e);
        }

        Packet next(long millis) throws InterruptedException {
            return packets.poll(millis, TimeUnit.MILLISECONDS);
        }
    }

    // ---- Digest, computed here independently of the client (RFC 7616 §3.4.1) ------------------

    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_-]+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,\\s]+)");

    static Map<String, String> authParams(String authorization) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(authorization.substring(authorization.indexOf(' ') + 1));
        while (m.find()) {
            params.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return params;
    }

    static String hash(String jcaAlgorithm, String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(jcaAlgorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The response a correct client computes for the Authorization it sent. */
    static String expectedDigest(Map<String, String> p, String jca, String method, String password) {
        String ha1 = hash(jca, p.get("username") + ":" + p.get("realm") + ":" + password);
        String ha2 = hash(jca, method + ":" + p.get("uri"));
        return p.containsKey("qop")
                ? hash(jca, ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop")
                        + ":" + ha2)
                : hash(jca, ha1 + ":" + p.get("nonce") + ":" + ha2);
    }
}
