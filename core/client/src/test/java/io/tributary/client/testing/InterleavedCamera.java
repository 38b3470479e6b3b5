package io.tributary.client.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A camera on real loopback sockets for tests of what pulls from cameras (the relay on its own,
 * and many relays at once in the distribution). It answers DESCRIBE with its SDP (Content-Base:
 * the request URL and "/"), SETUP over TCP interleaved only (any other transport gets 461
 * Unsupported Transport), PLAY by sending one RTP packet of payload type 96 on channel 0 every
 * frame interval, TEARDOWN by hanging up, and any other request with a plain 200. It counts
 * the requests by method, and can drop every connection (a crash), stop listening and listen
 * again on the same port. Plain JDK sockets, one virtual thread per connection and one per
 * playing stream, and no dependency beyond the JDK, so that any test class path can have it.
 */
public final class InterleavedCamera implements AutoCloseable {
    private static final String SESSION = "4242";
    private static final int SSRC = 0x1234;
    /** Far from 0, as a real sender's random start is: timelines must not assume small timestamps. */
    private static final long FIRST_TIMESTAMP = 0x1234_5678L;
    /** The sender reports' wall clock, 1970 in NTP time: the tests only read the RTP time. */
    private static final int NTP_SECONDS = 0x83AA7E80;

    private final int framesPerSecond;
    private final IntFunction<byte[]> payload;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger udpRefused = new AtomicInteger();
    private final int port;
    private volatile String sdp;
    private volatile boolean senderReports;
    private volatile ServerSocket server;

    /**
     * Listens on a free port of 127.0.0.1. {@code payload} gives the RTP payload of the packet with
     * sequence number {@code sequence} (from 0 on each connection); the RTP timestamp starts at
     * 0x12345678 and advances by 90 kHz / {@code framesPerSecond} from one packet to the next.
     */
    public InterleavedCamera(String sdp, int framesPerSecond, IntFunction<byte[]> payload) throws IOException {
        this.sdp = sdp;
        this.framesPerSecond = framesPerSecond;
        this.payload = payload;
        server = listen(0);
        port = server.getLocalPort();
    }

    /** Also sends an RTCP sender report on channel 1 after packet 5 and after every 25th packet from there. */
    public InterleavedCamera withSenderReports() {
        senderReports = true;
        return this;
    }

    public int port() {
        return port;
    }

    /** {@code rtsp://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "rtsp://127.0.0.1:" + port + path;
    }

    /** What DESCRIBE answers from now on. */
    public void sdp(String description) {
        sdp = description;
    }

    /** How many {@code method} requests came, on all connections so far. */
    public int requests(String method) {
        AtomicInteger count = requests.get(method);
        return count == null ? 0 : count.get();
    }

    /** SETUPs refused with 461 because they asked for another transport than TCP interleaved. */
    public int udpRefused() {
        return udpRefused.get();
    }

    /** Closes every connection without a word, as a crash or a cable pulled would. */
    public void dropConnections() {
        for (Socket s : connections) {
            closeQuietly(s);
        }
        connections.clear();
    }

    /** Stops listening and drops every connection: connects are refused. */
    public void stop() {
        closeQuietly(server);
        dropConnections();
    }

    /** Listens again on the same port. */
    public void restart() throws IOException {
        server = listen(port);
    }

    @Override
    public void close() {
        stop();
    }

    private ServerSocket listen(int onPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 1000);
        Thread.ofVirtual().name("camera-accept-" + s.getLocalPort()).start(() -> accept(s));
        return s;
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket socket = s.accept();
                connections.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        Thread sender = null;
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
            OutputStream out = socket.getOutputStream();
            for (Map<String, String> request = read(in); request != null; request = read(in)) {
                String cseq = "CSeq: " + request.getOrDefault("cseq", "0") + "\r\n";
                String ok = "RTSP/1.0 200 OK\r\n" + cseq;
                String method = request.get(":method");
                requests.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
                switch (method) {
                    case "DESCRIBE" -> {
                        String body = sdp;
                        write(out, ok + "Content-Type: application/sdp\r\nContent-Base: " + request.get(":uri")
                                + "/\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n"
                                + body);
                    }
                    case "SETUP" -> {
                        String transport = request.getOrDefault("transport", "");
                        if (transport.contains("interleaved")) {
                            write(out, ok + "Session: " + SESSION + ";timeout=60\r\nTransport: " + transport
                                    + "\r\n\r\n");
                        } else {
                            udpRefused.incrementAndGet();
                            write(out, "RTSP/1.0 461 Unsupported Transport\r\n" + cseq + "\r\n");
                        }
                    }
                    case "PLAY" -> {
                        write(out, ok + "Session: " + SESSION + "\r\nRange: npt=0.000-\r\n\r\n");
                        if (sender == null) {
                            sender = Thread.ofVirtual().start(() -> stream(socket, out));
                        }
                    }
                    case "TEARDOWN" -> {
                        write(out, ok + "\r\n");
                        return;
                    }
                    default -> write(out, ok + "\r\n");
                }
            }
        } catch (IOException gone) {
            // the client or the test closed the connection
        } finally {
            connections.remove(socket);
            if (sender != null) {
                sender.interrupt();
            }
        }
    }

    /** One packet per frame interval, on a fixed schedule, until the connection closes. */
    private void stream(Socket socket, OutputStream out) {
        long interval = 1_000_000_000L / framesPerSecond;
        long next = System.nanoTime();
        long timestamp = FIRST_TIMESTAMP;
        for (int sequence = 0; !socket.isClosed(); sequence++) {
            byte[] data = payload.apply(sequence);
            ByteBuffer rtp = ByteBuffer.allocate(12 + data.length).put((byte) 0x80).put((byte) (0x80 | 96))
                    .putShort((short) sequence).putInt((int) timestamp).putInt(SSRC).put(data);
            try {
                write(out, Interleaved.frame(0, rtp.array()));
                if (senderReports && sequence % 25 == 5) {
                    write(out, Interleaved.frame(1, senderReport(timestamp)));
                }
                next += interval;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            } catch (IOException | InterruptedException e) {
                return;
            }
            timestamp += 90_000 / framesPerSecond;
        }
    }

    /** An RTCP SR (no report blocks) at RTP time {@code timestamp}. */
    private static byte[] senderReport(long timestamp) {
        return ByteBuffer.allocate(28).put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt(SSRC)
                .putInt(NTP_SECONDS).putInt(0).putInt((int) timestamp).putInt(0).putInt(0).array();
    }

    private static void write(OutputStream out, String text) throws IOException {
        write(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    /** A request's start line as {@code :method} and {@code :uri}, and its headers lower-cased; null at the end. */
    private static Map<String, String> read(InputStream in) throws IOException {
        String start = line(in);
        while (start != null && start.isEmpty()) {
            start = line(in);
        }
        if (start == null) {
            return null;
        }
        String[] words = start.split(" ");
        Map<String, String> request = new LinkedHashMap<>();
        request.put(":method", words[0]);
        request.put(":uri", words.length > 1 ? words[1] : "");
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                request.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
        }
        return request;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
