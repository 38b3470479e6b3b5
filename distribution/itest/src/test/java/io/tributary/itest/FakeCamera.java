package io.tributary.itest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cheap IP camera for load tests: serves any path with one H.264 track over TCP interleaved
 * (RTP/AVP/TCP only), 25 small IDR frames a second after PLAY. The frames are not a picture a
 * decoder would show (their slices are filler), but every one is a keyframe a relay passes on
 * and a reader may start with. One virtual thread per connection and one per playing stream.
 */
final class FakeCamera implements AutoCloseable {
    static final int FPS = 25;
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=fake camera\r\nt=0 0\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=1\r\n"
            + "a=control:trackID=0\r\n";

    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    FakeCamera() throws IOException {
        server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-camera-accept").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return "rtsp://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
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
                switch (request.get(":method")) {
                    case "DESCRIBE" -> write(out, "RTSP/1.0 200 OK\r\n" + cseq + "Content-Type: application/sdp\r\n"
                            + "Content-Base: " + request.get(":uri") + "/\r\nContent-Length: " + SDP.length()
                            + "\r\n\r\n" + SDP);
                    case "SETUP" -> {
                        String transport = request.getOrDefault("transport", "");
                        write(out, transport.contains("interleaved")
                                ? "RTSP/1.0 200 OK\r\n" + cseq + "Session: 1;timeout=60\r\nTransport: " + transport
                                        + "\r\n\r\n"
                                : "RTSP/1.0 461 Unsupported Transport\r\n" + cseq + "\r\n");
                    }
                    case "PLAY" -> {
                        write(out, "RTSP/1.0 200 OK\r\n" + cseq + "Session: 1\r\nRange: npt=0.000-\r\n\r\n");
                        if (sender == null) {
                            sender = Thread.ofVirtual().start(() -> stream(socket, out));
                        }
                    }
                    case "TEARDOWN" -> {
                        write(out, "RTSP/1.0 200 OK\r\n" + cseq + "\r\n");
                        return;
                    }
                    default -> write(out, "RTSP/1.0 200 OK\r\n" + cseq + "Session: 1\r\n\r\n");
                }
            }
        } catch (IOException gone) {
            // the relay hung up
        } finally {
            connections.remove(socket);
            if (sender != null) {
                sender.interrupt();
            }
        }
    }

    /** One IDR slice per frame, as a single NAL unit packet with the marker bit. */
    private static void stream(Socket socket, OutputStream out) {
        byte[] slice = new byte[160];
        slice[0] = 0x65; // IDR slice
        slice[1] = (byte) 0x88; // first_mb_in_slice 0: the picture starts here
        for (int i = 2; i < slice.length; i++) {
            slice[i] = (byte) 0x5A;
        }
        int sequence = 0;
        long timestamp = 0x1234_5678L;
        long next = System.nanoTime();
        while (!socket.isClosed()) {
            ByteBuffer frame = ByteBuffer.allocate(4 + 12 + slice.length);
            frame.put((byte) '$').put((byte) 0).putShort((short) (12 + slice.length));
            frame.put((byte) 0x80).put((byte) (0x80 | 96)).putShort((short) sequence++).putInt((int) timestamp)
                    .putInt(0xCAFE);
            frame.put(slice);
            try {
                write(out, frame.array());
                next += 1_000_000_000L / FPS;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            } catch (IOException | InterruptedException e) {
                return;
            }
            timestamp += 90_000 / FPS;
        }
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

    /** A request's start line as {@code :method} and {@code :uri} and its headers lower-cased; null at the end. */
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
}
