package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;

/**
 * RTSP over HTTP (QuickTime's tunnelling): GStreamer's {@code rtsph://} and {@code rtspsh://}
 * and ffprobe's {@code -rtsp_transport http} play through it on the RTSP port, inside TLS and on
 * the tunnel's own port; VLC's exact sequence replayed byte by byte works however its POST body
 * is split; a POST from another address cannot join a tunnel; stopping the bundle ends the
 * tunnelled sessions only.
 */
class HttpTunnelTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String BUNDLE = "io.tributary.transports.httptunnel";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static int tunnelPort;

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(() -> {
        tunnelPort = freePort();
        return Map.of("io.tributary.transports.httptunnel", "port = " + tunnelPort);
    });

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String rtsp(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    @Test
    void gstreamerPlaysAFileAndALivePathThroughTheTunnelOnTheRtspPort() throws Exception {
        GstPlayer.Outcome file = GstPlayer.play("rtsph://127.0.0.1:" + tributary.rtspPort() + "/demo", "tcp", 10, 5,
                Duration.ofSeconds(20));
        assertTrue(file.decodedEnough(), file.output());
        try (Publisher publisher = Publisher.loop(tributary.home().resolve("demo/demo.mp4"), rtsp("/live/tunnel"),
                "tcp").awaitPublished(tributary.rtspPort())) {
            GstPlayer.Outcome live = GstPlayer.play("rtsph://127.0.0.1:" + tributary.rtspPort() + "/live/tunnel",
                    "tcp", 10, 5, Duration.ofSeconds(20));
            assertTrue(live.decodedEnough(), live.output());
        }
    }

    @Test
    void gstreamerPlaysOnTheTunnelsOwnPortWhereNothingElseIsSpoken() throws Exception {
        GstPlayer.Outcome outcome = GstPlayer.play("rtsph://127.0.0.1:" + tunnelPort + "/demo", "tcp", 10, 5,
                Duration.ofSeconds(20));
        assertTrue(outcome.decodedEnough(), outcome.output());
        try (RawRtsp plain = new RawRtsp(tunnelPort)) {
            plain.send("OPTIONS rtsp://127.0.0.1/ RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            assertTrue(plain.closedByServer(5000), "plain RTSP was answered on the tunnel's port");
        }
    }

    @Test
    void gstreamerPlaysThroughTheTunnelInsideTls() throws Exception {
        GstPlayer.Outcome outcome = GstPlayer.play("rtspsh://127.0.0.1:" + tributary.rtspPort() + "/demo", "tcp", 10,
                5, Duration.ofSeconds(20));
        assertTrue(outcome.decodedEnough(), outcome.output());
    }

    @Test
    void ffprobeReadsTheStreamsThroughTheTunnel() throws Exception {
        assertEquals(List.of("h264", "aac"), FfmpegReader.streams(rtsp("/demo"), "codec_name", "http"));
    }

    @Test
    void vlcsSequenceWithItsPostBodySentOneByteAtATime() throws Exception {
        try (Tunnel tunnel = Tunnel.open(null, tributary.rtspPort())) {
            tunnel.oneByteWrites = true;
            play(tunnel);
        }
    }

    @Test
    void vlcsSequenceWithARequestSplitAtEveryOffset() throws Exception {
        try (Tunnel tunnel = Tunnel.open(null, tributary.rtspPort())) {
            String options = "OPTIONS " + rtsp("/demo") + " RTSP/1.0\r\nCSeq: %d\r\n"
                    + "User-Agent: LibVLC/3.0.18 (LIVE555 Streaming Media v2016.11.28)\r\n\r\n";
            int length = Tunnel.base64(String.format(options, 100)).length();
            for (int split = 0; split <= length; split++) {
                byte[] encoded = Tunnel.base64(String.format(options, 100 + split)).getBytes(StandardCharsets.US_ASCII);
                tunnel.post.write(encoded, 0, split);
                tunnel.post.flush();
                Thread.sleep(1); // so that the server reads the two parts apart
                tunnel.post.write(encoded, split, encoded.length - split);
                tunnel.post.flush();
                RawRtsp.Response response = tunnel.get.read();
                assertEquals(200, response.status(), "split at " + split);
                assertEquals(Integer.toString(100 + split), response.header("CSeq"), "split at " + split);
            }
            play(tunnel);
        }
    }

    @Test
    void postFromAnotherAddressOrASecondPostIsRefusedAndTheTunnelGoesOn() throws Exception {
        try (Tunnel tunnel = Tunnel.open(null, tributary.rtspPort())) {
            String session = play(tunnel);

            String teardown = Tunnel.base64("TEARDOWN " + rtsp("/demo") + " RTSP/1.0\r\nCSeq: 9\r\nSession: "
                    + session + "\r\n\r\n");
            try (Socket hijack = Tunnel.post("127.0.0.2", tributary.rtspPort(), tunnel.cookie, teardown)) {
                String reply = Tunnel.reply(hijack);
                assertTrue(reply.startsWith("HTTP/1.0 403 "), "the POST from elsewhere is refused: " + reply);
                assertFalse(reply.contains(tunnel.cookie), "the refusal does not echo the cookie");
            }
            try (Socket second = Tunnel.post(null, tributary.rtspPort(), tunnel.cookie, "")) {
                assertTrue(Tunnel.reply(second).startsWith("HTTP/1.0 403 "), "a second POST is refused");
            }
            assertTrue(tunnel.get.count(0, 500).packets() > 0, "the victim's stream goes on");

            // VLC and QuickTime close their POST and open another: the session goes on
            tunnel.reopenPost();
            RawRtsp.Response keepAlive = tunnel.request("GET_PARAMETER", rtsp("/demo"), 10, "Session: " + session);
            assertEquals(200, keepAlive.status());
            assertTrue(tunnel.get.count(0, 500).packets() > 0);
        }
    }

    @Test
    void stoppingTheBundleEndsTunnelledSessionsOnly() throws Exception {
        Bundle bundle = bundle();
        try (Tunnel tunnel = Tunnel.open(null, tributary.rtspPort()); RawRtsp plain = new RawRtsp(tributary.rtspPort())) {
            play(tunnel);
            RawRtsp.Response setup = plain.request("SETUP", rtsp("/demo") + "/trackID=0", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status());
            assertEquals(200, plain.request("PLAY", rtsp("/demo"), 2, "Session: "
                    + setup.header("Session").split(";")[0]).status());
            assertTrue(plain.count(0, 300).packets() > 0);

            bundle.stop();
            try {
                assertTrue(tunnel.get.closedByServer(5000), "the tunnelled session ended with the bundle");
                assertTrue(plain.count(0, 1000).packets() > 0, "the plain reader keeps receiving");
                try (RawRtsp http = new RawRtsp(tributary.rtspPort())) {
                    http.send(Tunnel.getHead(Tunnel.cookie()));
                    RawRtsp.Response answer = http.read();
                    assertFalse(answer.statusLine().startsWith("HTTP/"), "a tunnel without the bundle: " + answer);
                } catch (IOException closed) {
                    // not RTSP either: closed, which is as good
                }
            } finally {
                bundle.start();
            }
            assertTrue(Await.until(TIMEOUT, () -> {
                try (Tunnel again = Tunnel.open(null, tributary.rtspPort())) {
                    return again.request("OPTIONS", rtsp("/demo"), 1).status() == 200;
                } catch (IOException | AssertionError notYet) {
                    return false;
                }
            }), "tunnels again once the bundle is back");
            assertTrue(plain.count(0, 300).packets() > 0);
        }
    }

    /** OPTIONS, DESCRIBE, SETUP (interleaved), PLAY as VLC sends them; media follows on the GET. Returns the session. */
    private static String play(Tunnel tunnel) throws IOException {
        String url = rtsp("/demo");
        String agent = "User-Agent: LibVLC/3.0.18 (LIVE555 Streaming Media v2016.11.28)";
        assertEquals(200, tunnel.request("OPTIONS", url, 2, agent).status());
        RawRtsp.Response describe = tunnel.request("DESCRIBE", url, 3, agent, "Accept: application/sdp");
        assertEquals(200, describe.status());
        assertTrue(describe.body().contains("m=video"), describe.body());
        RawRtsp.Response setup = tunnel.request("SETUP", url + "/trackID=0", 4, agent,
                "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
        assertEquals(200, setup.status(), setup.body());
        String session = setup.header("Session").split(";")[0];
        assertEquals(200, tunnel.request("PLAY", url, 5, agent, "Session: " + session, "Range: npt=0.000-").status());
        RawRtsp.Frame frame = tunnel.get.nextFrame(0, 5000);
        assertNotNull(frame, "no $ frame on the GET after PLAY");
        assertEquals(2, (frame.data()[0] & 0xc0) >> 6, "RTP version 2");
        return session;
    }

    private static Bundle bundle() {
        for (Bundle bundle : tributary.bundleContext().getBundles()) {
            if (BUNDLE.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(BUNDLE + " is not installed");
    }

    /** A tunnel as VLC 3 opens it: its GET read with {@link RawRtsp}, its POST written to raw. */
    private static final class Tunnel implements Closeable {
        final String cookie = cookie();
        final String localAddress;
        final int port;
        final RawRtsp get;
        Socket postSocket;
        OutputStream post;
        boolean oneByteWrites;

        private Tunnel(String localAddress, int port) throws IOException {
            this.localAddress = localAddress;
            this.port = port;
            get = new RawRtsp(localAddress, port, 0);
            get.send(getHead(cookie));
            RawRtsp.Response reply = get.read();
            assertEquals("HTTP/1.0 200 OK", reply.statusLine());
            assertEquals("application/x-rtsp-tunnelled", reply.header("Content-Type"));
            assertEquals("no-store", reply.header("Cache-Control"));
            assertEquals("no-cache", reply.header("Pragma"));
            openPost();
        }

        static Tunnel open(String localAddress, int port) throws IOException {
            return new Tunnel(localAddress, port);
        }

        /** 22 characters, as VLC's live555 makes them. */
        static String cookie() {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'A').replace('_', 'B');
        }

        static String getHead(String cookie) {
            return "GET /demo HTTP/1.0\r\n"
                    + "User-Agent: VLC/3.0.18 LibVLC/3.0.18\r\n"
                    + "x-sessioncookie: " + cookie + "\r\n"
                    + "Accept: application/x-rtsp-tunnelled\r\n"
                    + "Pragma: no-cache\r\n"
                    + "Cache-Control: no-cache\r\n"
                    + "\r\n";
        }

        /**
         * A POST connection from {@code localAddress} (null: the default) with its head and the
         * start of its body sent in one write (a refusal then closes a connection with nothing
         * unread, so that the client gets the reply, not a reset).
         */
        static Socket post(String localAddress, int port, String cookie, String body) throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("POST /demo HTTP/1.0\r\n"
                    + "User-Agent: VLC/3.0.18 LibVLC/3.0.18\r\n"
                    + "x-sessioncookie: " + cookie + "\r\n"
                    + "Content-Type: application/x-rtsp-tunnelled\r\n"
                    + "Pragma: no-cache\r\n"
                    + "Cache-Control: no-cache\r\n"
                    + "Content-Length: 32767\r\n"
                    + "Expires: Sun, 9 Jan 1972 00:00:00 GMT\r\n"
                    + "\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            return socket;
        }

        /** What the server wrote on a refused POST before closing it. */
        static String reply(Socket socket) throws IOException {
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (SocketTimeoutException e) {
                return "(no reply, not closed)";
            }
        }

        static String base64(String request) {
            return Base64.getEncoder().encodeToString(request.getBytes(StandardCharsets.US_ASCII));
        }

        void openPost() throws IOException {
            postSocket = post(localAddress, port, cookie, "");
            post = postSocket.getOutputStream();
        }

        void reopenPost() throws IOException {
            postSocket.close();
            openPost();
        }

        /** Sends a request through the POST (base64, as its own quantum run) and reads its response on the GET. */
        RawRtsp.Response request(String method, String url, int cseq, String... headers) throws IOException {
            StringBuilder request = new StringBuilder(method).append(' ').append(url).append(" RTSP/1.0\r\n")
                    .append("CSeq: ").append(cseq).append("\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            byte[] encoded = base64(request.append("\r\n").toString()).getBytes(StandardCharsets.US_ASCII);
            if (oneByteWrites) {
                for (byte b : encoded) {
                    post.write(b);
                    post.flush();
                }
            } else {
                post.write(encoded);
                post.flush();
            }
            return get.read();
        }

        @Override
        public void close() throws IOException {
            try {
                postSocket.close();
            } finally {
                get.close();
            }
        }
    }
}
