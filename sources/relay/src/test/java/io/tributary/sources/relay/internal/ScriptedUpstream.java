package io.tributary.sources.relay.internal;

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

/**
 * A camera for the relay's tests, on real sockets: answers DESCRIBE with {@link #sdp}, SETUP over
 * TCP interleaved (UDP is refused with 461), and after PLAY sends one RTP packet of payload
 * type 96 every 20 ms on channel 0. It can drop every connection (a crash), stop listening
 * and listen again on the same port.
 */
final class ScriptedUpstream implements AutoCloseable {
    static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=scripted\r\nt=0 0\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 TEST/90000\r\na=fmtp:96 config=1\r\na=control:track0\r\n";

    volatile String sdp = SDP;
    final AtomicInteger describes = new AtomicInteger();
    final AtomicInteger plays = new AtomicInteger();
    final AtomicInteger teardowns = new AtomicInteger();
    final AtomicInteger udpRefused = new AtomicInteger();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final int port;
    private volatile ServerSocket server;

    ScriptedUpstream() throws IOException {
        server = listen(0);
        port = server.getLocalPort();
    }

    int port() {
        return port;
    }

    String url(String credentials) {
        return "rtsp://" + (credentials == null ? "" : credentials + "@") + "127.0.0.1:" + port + "/stream";
    }

    /** Closes every connection without a word, as a crash or a cable pulled would. */
    void dropConnections() {
        for (Socket s : connections) {
            closeQuietly(s);
        }
        connections.clear();
    }

    /** Stops listening and drops every connection: connects are refused. */
    void stop() {
        closeQuietly(server);
        dropConnections();
    }

    /** Listens again on the same port. */
    void restart() throws IOException {
        server = listen(port);
    }

    @Override
    public void close() {
        stop();
    }

    private ServerSocket listen(int onPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        Thread.ofVirtual().start(() -> accept(s));
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
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
            OutputStream out = socket.getOutputStream();
            Thread sender = null;
            while (true) {
                Map<String, String> request = readRequest(in);
                if (request == null) {
                    return;
                }
                String method = request.get(":method");
                String cseq = request.getOrDefault("cseq", "0");
                switch (method) {
                    case "DESCRIBE" -> {
                        describes.incrementAndGet();
                        byte[] body = sdp.getBytes(StandardCharsets.UTF_8);
                        write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nContent-Type: application/sdp\r\n"
                                + "Content-Base: " + request.get(":uri") + "/\r\nContent-Length: " + body.length
                                + "\r\n\r\n" + sdp);
                    }
                    case "SETUP" -> {
                        String transport = request.getOrDefault("transport", "");
                        if (!transport.contains("interleaved")) {
                            udpRefused.incrementAndGet();
                            write(out, "RTSP/1.0 461 Unsupported Transport\r\nCSeq: " + cseq + "\r\n\r\n");
                        } else {
                            write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nSession: 4242;timeout=60\r\n"
                                    + "Transport: " + transport + "\r\n\r\n");
                        }
                    }
                    case "PLAY" -> {
                        plays.incrementAndGet();
                        write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nSession: 4242\r\n\r\n");
                        if (sender == null) {
                            sender = Thread.ofVirtual().start(() -> send(socket, out));
                        }
                    }
                    case "TEARDOWN" -> {
                        teardowns.incrementAndGet();
                        write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\n\r\n");
                        return;
                    }
                    default -> write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\n\r\n");
                }
            }
        } catch (IOException gone) {
            // the client or the test closed the connection
        } finally {
            connections.remove(socket);
        }
    }

    private static void send(Socket socket, OutputStream out) {
        int seq = 0;
        long timestamp = 1000;
        while (!socket.isClosed()) {
            byte[] payload = ("unit " + seq).getBytes(StandardCharsets.UTF_8);
            ByteBuffer frame = ByteBuffer.allocate(4 + 12 + payload.length);
            frame.put((byte) '$').put((byte) 0).putShort((short) (12 + payload.length));
            frame.put((byte) 0x80).put((byte) (0x80 | 96)).putShort((short) seq).putInt((int) timestamp).putInt(0x1234);
            frame.put(payload);
            try {
                write(out, frame.array());
                if (seq % 25 == 5) {
                    write(out, senderReport(timestamp));
                }
                Thread.sleep(20);
            } catch (IOException | InterruptedException e) {
                return;
            }
            seq++;
            timestamp += 1800;
        }
    }

    /** An RTCP SR on channel 1: NTP 0x83AA7E80_00000000 (1970 in NTP) at {@code timestamp}. */
    private static byte[] senderReport(long timestamp) {
        ByteBuffer frame = ByteBuffer.allocate(4 + 28);
        frame.put((byte) '$').put((byte) 1).putShort((short) 28);
        frame.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt(0x1234);
        frame.putInt(0x83AA7E80).putInt(0).putInt((int) timestamp).putInt(0).putInt(0);
        return frame.array();
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

    /** A request's start line as {@code :method} and {@code :uri}, and its headers lower-cased; null at EOF. */
    private static Map<String, String> readRequest(InputStream in) throws IOException {
        String start = readLine(in);
        while (start != null && start.isEmpty()) {
            start = readLine(in);
        }
        if (start == null) {
            return null;
        }
        Map<String, String> request = new LinkedHashMap<>();
        String[] parts = start.split(" ");
        request.put(":method", parts[0]);
        request.put(":uri", parts.length > 1 ? parts[1] : "");
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                request.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return request;
    }

    private static String readLine(InputStream in) throws IOException {
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
