package io.tributary.client;

import io.tributary.client.testing.Interleaved;
import io.tributary.rtsp.message.Decoded;
import io.tributary.rtsp.message.RtspDecoder;
import io.tributary.rtsp.message.RtspRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted RTSP server on 127.0.0.1 made of plain sockets and threads, so that what the
 * client sends can be checked byte for byte and the server can misbehave on purpose. The
 * script sees each request and decides what to write (or not to write) back.
 */
final class FakeRtspServer implements AutoCloseable {

    /** Decides the answer to one request. */
    @FunctionalInterface
    interface Script {
        void handle(Exchange ex) throws IOException;
    }

    /** One request on one connection, with ways to answer it. */
    static final class Exchange {
        final RtspRequest request;
        final int connection;
        private final OutputStream out;
        private final Socket socket;

        Exchange(RtspRequest request, int connection, OutputStream out, Socket socket) {
            this.request = request;
            this.connection = connection;
            this.out = out;
            this.socket = socket;
        }

        String method() {
            return request.method();
        }

        String header(String name) {
            return request.header(name);
        }

        /** {@code RTSP/1.0 <code> <reason>}, the CSeq echoed, the given header lines, the body. */
        void reply(int code, String reason, String body, String... headerLines) throws IOException {
            StringBuilder sb = new StringBuilder("RTSP/1.0 ").append(code).append(' ').append(reason).append("\r\n");
            sb.append("CSeq: ").append(request.header("CSeq")).append("\r\n");
            for (String h : headerLines) {
                sb.append(h).append("\r\n");
            }
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (b.length > 0) {
                sb.append("Content-Length: ").append(b.length).append("\r\n");
            }
            sb.append("\r\n");
            raw(sb.toString().getBytes(StandardCharsets.UTF_8));
            raw(b);
        }

        void ok(String... headerLines) throws IOException {
            reply(200, "OK", null, headerLines);
        }

        void raw(byte[] bytes) throws IOException {
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        }

        void interleaved(int channel, byte[] payload) throws IOException {
            raw(Interleaved.frame(channel, payload));
        }

        void close() throws IOException {
            socket.close();
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;
    /** Every request received, in order, on any connection. */
    final BlockingQueue<RtspRequest> requests = new LinkedBlockingQueue<>();
    /** Interleaved frames the client sent: channel, then payload. */
    final BlockingQueue<Decoded.Interleaved> frames = new LinkedBlockingQueue<>();

    FakeRtspServer(Script script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = new Thread(this::accept, "fake-rtsp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return "rtsp://127.0.0.1:" + port() + path;
    }

    int connections() {
        return connections.get();
    }

    /** The next request of {@code method}, skipping others, within {@code millis}; null when none came. */
    RtspRequest next(String method, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            RtspRequest r = requests.poll(left, TimeUnit.NANOSECONDS);
            if (r != null && r.method().equals(method)) {
                return r;
            }
        }
    }

    List<RtspRequest> drainRequests() {
        List<RtspRequest> all = new ArrayList<>();
        requests.drainTo(all);
        return all;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                int index = connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s, index), "fake-rtsp-conn-" + index);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s, int index) {
        try (s) {
            s.setSoTimeout(200);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            RtspDecoder decoder = new RtspDecoder();
            ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
            byte[] chunk = new byte[16 * 1024];
            while (!closed && !s.isClosed()) {
                int n;
                try {
                    n = in.read(chunk);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (n < 0) {
                    return;
                }
                buf.put(chunk, 0, n);
                buf.flip();
                List<Decoded> decoded = new ArrayList<>();
                decoder.decode(buf, decoded::add);
                for (Decoded d : decoded) {
                    switch (d) {
                        case Decoded.Request r -> {
                            requests.add(r.request());
                            script.handle(new Exchange(r.request(), index, out, s));
                        }
                        case Decoded.Interleaved i -> {
                            ByteBuffer copy = ByteBuffer.allocate(i.payload().remaining()).put(i.payload().duplicate())
                                    .flip();
                            frames.add(new Decoded.Interleaved(i.channel(), copy));
                        }
                        default -> {
                        }
                    }
                }
                buf.compact();
            }
        } catch (IOException e) {
            // the client or the script closed the connection
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
