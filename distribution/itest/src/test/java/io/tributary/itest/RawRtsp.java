package io.tributary.itest;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately independent, byte-level RTSP client for tests: it writes requests exactly
 * as given and reads responses and {@code $} frames with its own minimal parser (not the
 * server's), so the server's framing is checked against a second implementation.
 */
public final class RawRtsp implements Closeable {
    /** A parsed response. Header names are lower-cased. */
    public record Response(int status, String statusLine, Map<String, String> headers, String body) {
        /** The value of a header; repeated headers are joined with a line feed, in order. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** One interleaved frame. */
    public record Frame(int channel, byte[] data) {
        public int sequence() {
            return ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        }

        public long timestamp() {
            return ((data[4] & 0xffL) << 24) | ((data[5] & 0xffL) << 16) | ((data[6] & 0xffL) << 8) | (data[7] & 0xffL);
        }

        public int payloadType() {
            return data[1] & 0x7f;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final List<Frame> frames = new ArrayList<>();

    public RawRtsp(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBuffer the socket's receive buffer in bytes (small for a reader that stalls), 0 for the default */
    RawRtsp(int port, int receiveBuffer) throws IOException {
        this(null, port, receiveBuffer);
    }

    /**
     * A client connecting from {@code localAddress} (another loopback address such as 127.0.0.2 is
     * another client host to the server), or from the default address when null.
     */
    public RawRtsp(String localAddress, int port, int receiveBuffer) throws IOException {
        this(connect(localAddress, port, receiveBuffer));
    }

    private RawRtsp(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(10_000);
        in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
        out = socket.getOutputStream();
    }

    /**
     * An RTSPS client: TLS over a connection to {@code port}, trusting any certificate (the
     * server's is a self-signed development one), with the handshake done.
     */
    static RawRtsp tls(int port) throws IOException {
        return tls(null, port);
    }

    /** {@link #tls(int)} from {@code localAddress} (null: the default address). */
    static RawRtsp tls(String localAddress, int port) throws IOException {
        Socket plain = connect(localAddress, port, 0);
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                    .createSocket(plain, "127.0.0.1", port, true);
            tls.setUseClientMode(true);
            tls.startHandshake();
            return new RawRtsp(tls);
        } catch (java.security.GeneralSecurityException e) {
            plain.close();
            throw new IOException(e);
        }
    }

    /** The TLS protocol the connection negotiated, or null for a plain one. */
    String tlsProtocol() {
        return socket instanceof javax.net.ssl.SSLSocket tls ? tls.getSession().getProtocol() : null;
    }

    /**
     * A client of the server at {@code host} (a literal such as {@code ::1} or {@code [::1]}: the
     * server sees a client connected over IPv6) rather than at 127.0.0.1.
     */
    static RawRtsp to(String host, int port) throws IOException {
        return new RawRtsp(connect(null, host, port, 0));
    }

    private static Socket connect(String localAddress, int port, int receiveBuffer) throws IOException {
        return connect(localAddress, "127.0.0.1", port, receiveBuffer);
    }

    private static Socket connect(String localAddress, String host, int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress(InetAddress.getByName(host), port), 5000);
        return socket;
    }

    public void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public void sendBytes(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Sends a request with the given header lines (each without CRLF) and reads its response. */
    public Response request(String method, String url, int cseq, String... headers) throws IOException {
        return request("RTSP/1.0", method, url, cseq, headers);
    }

    /** Like {@link #request(String, String, int, String...)}, as an RTSP/2.0 request. */
    public Response request2(String method, String url, int cseq, String... headers) throws IOException {
        return request("RTSP/2.0", method, url, cseq, headers);
    }

    private Response request(String version, String method, String url, int cseq, String... headers)
            throws IOException {
        StringBuilder sb = new StringBuilder(method).append(' ').append(url).append(' ').append(version)
                .append("\r\nCSeq: ").append(cseq).append("\r\n");
        for (String header : headers) {
            sb.append(header).append("\r\n");
        }
        send(sb.append("\r\n").toString());
        return read();
    }

    /** {@code data} as an interleaved frame on {@code channel}: {@code $}, the channel, a 16-bit length. */
    public static byte[] interleaved(int channel, byte[] data) {
        byte[] frame = new byte[4 + data.length];
        frame[0] = '$';
        frame[1] = (byte) channel;
        frame[2] = (byte) (data.length >> 8);
        frame[3] = (byte) data.length;
        System.arraycopy(data, 0, frame, 4, data.length);
        return frame;
    }

    /** What came back for some bytes sent on a connection: statuses (-1: closed instead), then whether OPTIONS is still answered. */
    public record Exchange(List<Integer> statuses, boolean kept) {
        @Override
        public String toString() {
            return statuses.stream().map(s -> s < 0 ? "no answer" : Integer.toString(s)).reduce((a, b) -> a + " + " + b)
                    .orElse("nothing") + (kept ? ", kept" : ", closed");
        }
    }

    /**
     * Sends {@code bytes} (on a thread of its own: the server may stop reading halfway), reads
     * {@code answers} responses, then asks OPTIONS on the same connection.
     */
    public Exchange exchange(byte[] bytes, int answers) throws InterruptedException {
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                sendBytes(bytes);
            } catch (IOException e) {
                // the server closed the connection before all was sent: expected for fatal input
            }
        });
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < answers; i++) {
            try {
                statuses.add(read().status());
            } catch (IOException e) {
                statuses.add(-1);
                break;
            }
        }
        writer.join(15_000);
        boolean kept;
        try {
            kept = request("OPTIONS", "*", 99).status() == 200;
        } catch (IOException e) {
            kept = false;
        }
        return new Exchange(statuses, kept);
    }

    /** Reads the next response, keeping interleaved frames that come before it. */
    public Response read() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                throw new EOFException("connection closed");
            }
            if (first == '$') {
                frames.add(readFrame());
                continue;
            }
            String statusLine = (char) first + readLine();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim(), (a, b) -> a + "\n" + b);
            }
            int length = headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length")) : 0;
            byte[] body = new byte[length];
            in.readFully(body);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            return new Response(status, statusLine, headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Where a PLAY of a file's video started: its status, the Range answered and the first RTP payload (null on error). */
    public record Started(int status, String range, byte[] firstPayload) {
    }

    /**
     * Sets up the video track ({@code trackID=0}) of the file at {@code fileUrl} over TCP, plays it
     * from {@code range} and returns where it started.
     */
    public static Started playVideoFrom(int port, String fileUrl, String range) throws IOException {
        try (RawRtsp rtsp = new RawRtsp(port)) {
            Response setup = rtsp.request("SETUP", fileUrl + "/trackID=0", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            if (setup.status() != 200) {
                throw new IOException("SETUP of " + fileUrl + ": " + setup.statusLine() + " " + setup.body());
            }
            String id = setup.header("Session").split(";")[0];
            Response play = rtsp.request("PLAY", fileUrl + "/", 2, "Session: " + id, "Range: " + range);
            if (play.status() != 200) {
                return new Started(play.status(), play.header("Range"), null);
            }
            Frame first = rtsp.frames(800).stream().filter(f -> f.channel() == 0).findFirst().orElseThrow();
            return new Started(200, play.header("Range"), java.util.Arrays.copyOfRange(first.data(), 12, first.data().length));
        }
    }

    /** A request the server sent (RTSP 2.0 PLAY_NOTIFY, TEARDOWN). Header names are lower-cased. */
    public record Request(String method, String uri, String version, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Reads the next request from the server within {@code millis}, keeping interleaved frames before it. */
    public Request readRequest(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    throw new EOFException("connection closed");
                }
                if (first == '$') {
                    frames.add(readFrame());
                    continue;
                }
                String[] line = ((char) first + readLine()).split(" ");
                Map<String, String> headers = new LinkedHashMap<>();
                for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                }
                in.readFully(new byte[headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length")) : 0]);
                if (line.length != 3) {
                    throw new IOException("not a request line: " + String.join(" ", line));
                }
                return new Request(line[0], line[1], line[2], headers);
            }
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    /** Reads interleaved frames for {@code millis}, returning those received (and earlier kept ones). */
    public List<Frame> frames(long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            try {
                int first = in.read();
                if (first < 0) {
                    break;
                }
                if (first != '$') {
                    throw new IOException("expected a $ frame, got byte " + first);
                }
                frames.add(readFrame());
            } catch (SocketTimeoutException e) {
                break;
            }
        }
        socket.setSoTimeout(10_000);
        List<Frame> result = List.copyOf(frames);
        frames.clear();
        return result;
    }

    /**
     * The first frame on {@code channel}: one kept earlier, else read until it arrives (keeping frames of
     * other channels), or null after {@code millis}.
     */
    public Frame nextFrame(int channel, long millis) throws IOException {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).channel() == channel) {
                return frames.remove(i); // kept while waiting for another channel: it came first
            }
        }
        long deadline = System.currentTimeMillis() + millis;
        try {
            while (System.currentTimeMillis() < deadline) {
                socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                int first = in.read();
                if (first < 0) {
                    return null;
                }
                if (first != '$') {
                    throw new IOException("expected a $ frame, got byte " + first);
                }
                Frame frame = readFrame();
                if (frame.channel() == channel) {
                    return frame;
                }
                frames.add(frame);
            }
            return null;
        } catch (SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    /**
     * The next interleaved frame on any channel, keeping nothing, or null when none begins within
     * {@code millis}. Only the wait for a frame's first byte is bounded by {@code millis}: a frame
     * once begun is read whole, so a reader polling with short waits never loses its framing.
     */
    public Frame anyFrame(int millis) throws IOException {
        socket.setSoTimeout(Math.max(1, millis));
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(10_000);
        }
        if (first < 0) {
            throw new EOFException("connection closed");
        }
        if (first != '$') {
            throw new IOException("expected a $ frame, got byte " + first);
        }
        return readFrame();
    }

    /** What a reader received on one channel, without keeping the packets. */
    record Received(int packets, long bytes, int sequenceGaps) {
    }

    /** Reads interleaved frames for {@code millis}, counting RTP on {@code channel} and its sequence gaps. */
    Received count(int channel, long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        int packets = 0;
        long bytes = 0;
        int gaps = 0;
        int previous = -1;
        while (System.currentTimeMillis() < deadline) {
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            try {
                int first = in.read();
                if (first < 0) {
                    break;
                }
                if (first != '$') {
                    throw new IOException("expected a $ frame, got byte " + first);
                }
                Frame frame = readFrame();
                if (frame.channel() != channel) {
                    continue;
                }
                packets++;
                bytes += frame.data().length;
                if (previous >= 0 && frame.sequence() != ((previous + 1) & 0xffff)) {
                    gaps++;
                }
                previous = frame.sequence();
            } catch (SocketTimeoutException e) {
                break;
            }
        }
        socket.setSoTimeout(10_000);
        return new Received(packets, bytes, gaps);
    }

    /**
     * {@code true} when the server closed the connection: reads (and drops) what arrives until EOF
     * within {@code millis} in all, so that a connection still carrying media counts as open.
     */
    boolean closedByServer(int millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        byte[] sink = new byte[1 << 16];
        try {
            while (true) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) left);
                if (in.read(sink) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(10_000);
            }
        }
    }

    private Frame readFrame() throws IOException {
        int channel = in.readUnsignedByte();
        int length = in.readUnsignedShort();
        byte[] data = new byte[length];
        in.readFully(data);
        return new Frame(channel, data);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        InputStream stream = in;
        for (int b = stream.read(); b != '\n'; b = stream.read()) {
            if (b < 0) {
                throw new EOFException("connection closed in a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
