package io.tributary.conformance;

import static io.tributary.conformance.Requirement.Level.MUST;
import static io.tributary.conformance.Requirement.Spec.CHECKLIST;
import static io.tributary.conformance.Wire.CLIP;
import static io.tributary.conformance.Wire.TCP_AUDIO;
import static io.tributary.conformance.Wire.TCP_VIDEO;
import static io.tributary.conformance.Wire.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.itest.Await;
import io.tributary.itest.RawRtsp;
import io.tributary.itest.TributaryFixture;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lines of /work/shared/RTSP-CHECKLIST.md that a raw socket can check (the rest — Digest
 * and Basic logins, HTTP tunnelling, RTSPS/SRTP, multicast, NAT latching — need configuration or
 * networks of their own and are covered in distribution/itest: AuthTest, HttpTunnelTest,
 * RtspsTest, SrtpTest, MulticastTest, UdpNatTest). The session timeout is short here so that
 * timing out and keeping alive can be seen.
 */
@ExtendWith(ConformanceReport.class)
class ChecklistTest {
    private static final int SESSION_TIMEOUT_SECONDS = 4;

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(Map.of(
            "io.tributary.engine.rtsp", "sessionTimeoutSeconds = " + SESSION_TIMEOUT_SECONDS));

    @BeforeAll
    static void addMedia() throws Exception {
        Wire.addClip(tributary);
    }

    private static String url(String path) {
        return Wire.url(tributary, path);
    }

    private static String setupVideo(RawRtsp rtsp, int cseq) throws IOException {
        return Wire.setupVideo(tributary, rtsp, cseq);
    }

    /** The server's RTP port of a UDP SETUP reply. */
    private static int serverPort(RawRtsp.Response setup) {
        Matcher m = Pattern.compile("server_port=(\\d+)-(\\d+)").matcher(setup.header("Transport"));
        assertTrue(m.find(), setup.header("Transport"));
        return Integer.parseInt(m.group(1));
    }

    // Messages and connections

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "a 1.0 request without CSeq gets 400, still with a status line")
    void aRequestWithoutCseqGets400() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtsp.send("DESCRIBE " + url(CLIP) + " RTSP/1.0\r\nAccept: application/sdp\r\n\r\n");
            RawRtsp.Response r = rtsp.read();
            assertTrue(r.statusLine().startsWith("RTSP/1.0 400 "), r.statusLine());
            assertEquals(200, rtsp.request("OPTIONS", "*", 2).status(), "the connection goes on");
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "a request split across many writes (one byte each) is answered like a whole one")
    void aRequestWrittenOneByteAtATimeIsAnswered() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            byte[] request = ("SETUP " + url(CLIP + "/trackID=0") + " RTSP/1.0\r\nCSeq: 42\r\n" + TCP_VIDEO + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (byte b : request) {
                rtsp.sendBytes(new byte[] {b});
            }
            RawRtsp.Response r = rtsp.read();
            assertEquals("42", r.header("CSeq"));
            assertEquals(200, r.status());
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "no 2.0-only header in a 1.0 response (Media-Properties, Media-Range, Seek-Style, Pipelined-Requests, RTP-Info ssrc)")
    void responsesTo10CarryNo20Headers() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            List<RawRtsp.Response> replies = new ArrayList<>();
            replies.add(rtsp.request("OPTIONS", "*", 1, "Pipelined-Requests: 7"));
            RawRtsp.Response setup = rtsp.request("SETUP", url(CLIP + "/trackID=0"), 2, TCP_VIDEO, "Pipelined-Requests: 7");
            replies.add(setup);
            String id = session(setup);
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "/"), 3, "Session: " + id, "Range: npt=3-");
            replies.add(play);
            replies.add(rtsp.request("PAUSE", url(CLIP + "/"), 4, "Session: " + id));
            for (RawRtsp.Response r : replies) {
                for (String header : List.of("Media-Properties", "Media-Range", "Seek-Style", "Pipelined-Requests",
                        "Notify-Reason", "Terminate-Reason", "Accept-Ranges")) {
                    assertNull(r.header(header), header + " in " + r.statusLine() + " " + r.headers());
                }
            }
            assertFalse(play.header("RTP-Info").contains("ssrc="), "1.0 RTP-Info form: " + play.header("RTP-Info"));
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "Server header on responses; Date too")
    void responsesCarryServerAndDate() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            for (RawRtsp.Response r : List.of(rtsp.request("OPTIONS", "*", 1), rtsp.request("DESCRIBE", url("/nope"), 2),
                    rtsp.request("DESCRIBE", url(CLIP), 3))) {
                assertNotNull(r.header("Server"), r.statusLine());
                assertTrue(r.header("Server").startsWith("Tributary/"), r.header("Server"));
                assertNotNull(r.header("Date"), r.statusLine());
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(r.header("Date"));
            }
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "DESCRIBE sends Content-Base with a trailing slash, also for a URL with a query")
    void contentBaseEndsWithASlashAlsoWithAQuery() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(url(CLIP + "/"), rtsp.request("DESCRIBE", url(CLIP), 1).header("Content-Base"));
            assertEquals(url(CLIP + "/"), rtsp.request("DESCRIBE", url(CLIP + "/"), 2).header("Content-Base"));
            String base = rtsp.request("DESCRIBE", url(CLIP + "?token=abc"), 3).header("Content-Base");
            assertNotNull(base);
            assertTrue(base.endsWith("/"), base);
            assertTrue(base.startsWith(url(CLIP)), base);
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "control URLs in ffmpeg's form …/path?query/trackID=1 are accepted")
    void ffmpegsQueryControlFormIsAccepted() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("SETUP", url(CLIP + "?token=abc/trackID=1"), 1, TCP_AUDIO);
            assertEquals(200, r.status(), r.body());
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "?token=abc/"), 2, "Session: " + session(r));
            assertEquals(200, play.status(), play.body());
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "control URLs in GStreamer's form …/path/trackID=1?query are accepted")
    void gstreamersQueryControlFormIsAccepted() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("SETUP", url(CLIP + "/trackID=1?token=abc"), 1, TCP_AUDIO);
            assertEquals(200, r.status(), r.body());
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "/?token=abc"), 2, "Session: " + session(r));
            assertEquals(200, play.status(), play.body());
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "aggregate control works on the base URL with and without a trailing slash, and relative")
    void aggregateControlWorksOnTheBaseUrlInEveryForm() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            assertEquals(200, rtsp.request("PLAY", url(CLIP), 2, "Session: " + id).status(), "no slash");
            assertEquals(200, rtsp.request("PAUSE", url(CLIP + "/"), 3, "Session: " + id).status(), "slash");
            assertEquals(200, rtsp.request("PLAY", CLIP, 4, "Session: " + id).status(), "absolute path only");
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "one TCP connection may carry several sessions")
    void oneConnectionCarriesSeveralSessions() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String first = setupVideo(rtsp, 1);
            String second = session(rtsp.request("SETUP", url("/demo/trackID=0"), 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=4-5"));
            assertNotEquals(first, second);
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 3, "Session: " + first).status());
            assertEquals(200, rtsp.request("PLAY", url("/demo/"), 4, "Session: " + second).status());
            List<RawRtsp.Frame> frames = rtsp.frames(1500);
            assertTrue(frames.stream().anyMatch(f -> f.channel() == 0), "the first session's media");
            assertTrue(frames.stream().anyMatch(f -> f.channel() == 4), "the second session's media");
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "a UDP session outlives its connection and is controlled from a new one")
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "UDP sessions live until TEARDOWN or timeout, not until the connection closes")
    void aUdpSessionOutlivesItsConnection() throws IOException {
        try (DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            rtp.setSoTimeout(3000);
            String id;
            try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
                id = session(rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1,
                        "Transport: RTP/AVP;unicast;client_port=" + rtp.getLocalPort() + "-" + (rtp.getLocalPort() + 1)));
            }
            try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
                assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 1, "Session: " + id).status());
                rtp.receive(new DatagramPacket(new byte[2048], 2048));
                assertEquals(200, rtsp.request("TEARDOWN", url(CLIP + "/"), 2, "Session: " + id).status());
            }
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "a stray or stale Session header on OPTIONS or GET_PARAMETER is tolerated (answered, not 400)")
    void aStaleSessionOnOptionsAndGetParameterIsTolerated() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(200, rtsp.request("OPTIONS", "*", 1, "Session: 0123456789abcdef0123456789abcdef").status());
            assertEquals(200, rtsp.request("GET_PARAMETER", url(CLIP), 2, "Session: 0123456789abcdef0123456789abcdef")
                    .status());
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "interleaved frames from the client (RTCP receiver reports) between requests while media flows")
    void receiverReportsAmidMediaAreAcceptedAndRequestsAnswered() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id).status());
            for (int i = 0; i < 5; i++) {
                rtsp.sendBytes(new byte[] {'$', 1, 0, 8, (byte) 0x80, (byte) 201, 0, 1, 9, 9, 9, (byte) i});
            }
            RawRtsp.Response r = rtsp.request("GET_PARAMETER", url(CLIP + "/"), 3, "Session: " + id);
            assertEquals(200, r.status());
            assertNotNull(rtsp.nextFrame(0, 2000), "media goes on");
        }
    }

    // Methods

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST, text = "OPTIONS: * and any URL are accepted")
    void optionsAcceptsAnyUrl() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(200, rtsp.request("OPTIONS", "*", 1).status());
            assertEquals(200, rtsp.request("OPTIONS", url("/"), 2).status());
            assertEquals(200, rtsp.request("OPTIONS", url(CLIP + "/trackID=0"), 3).status());
            assertEquals(200, rtsp.request("OPTIONS", url("/not/a/path/at/all"), 4).status());
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "SDP: a=control per media and for the session, a=range:npt=0-D for a file")
    void sdpHasControlsAndTheFilesRange() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String sdp = rtsp.request("DESCRIBE", url(CLIP), 1, "Accept: application/sdp").body();
            String session = sdp.substring(0, sdp.indexOf("\r\nm="));
            assertTrue(session.contains("\r\na=control:"), "session-level control: " + sdp);
            assertTrue(Pattern.compile("\r\na=range:npt=0(\\.0+)?-10\\.\\d+\r\n").matcher(sdp).find(), sdp);
            assertTrue(sdp.contains("a=control:trackID=0\r\n") && sdp.contains("a=control:trackID=1\r\n"), sdp);
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "SDP fmtp: H.264 sprop-parameter-sets, profile-level-id, packetization-mode=1; AAC config, mode=AAC-hbr, sizelength/indexlength/indexdeltalength")
    void sdpHasTheCodecParameters() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String sdp = rtsp.request("DESCRIBE", url(CLIP), 1).body();
            for (String p : List.of("a=fmtp:96 .*packetization-mode=1", "a=fmtp:96 .*profile-level-id=[0-9A-Fa-f]{6}",
                    "a=fmtp:96 .*sprop-parameter-sets=Z[A-Za-z0-9+/=]+,aO[A-Za-z0-9+/=]+", "a=fmtp:97 .*config=[0-9A-Fa-f]+",
                    "a=fmtp:97 .*mode=AAC-hbr", "a=fmtp:97 .*sizelength=13;indexlength=3;indexdeltalength=3")) {
                assertTrue(Pattern.compile(p).matcher(sdp).find(), p + " in " + sdp);
            }
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "SETUP per track: a client may set up only some tracks and gets only those")
    void onlyTheTracksSetUpAreSent() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(rtsp.request("SETUP", url(CLIP + "/trackID=1"), 1, TCP_AUDIO));
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id);
            assertEquals(200, play.status());
            assertEquals(1, play.header("RTP-Info").split(",").length, play.header("RTP-Info"));
            List<RawRtsp.Frame> frames = rtsp.frames(1000);
            assertFalse(frames.isEmpty());
            assertTrue(frames.stream().allMatch(f -> f.channel() == 2 || f.channel() == 3), "audio channels only");
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "SETUP answers the chosen spec completed: client_port, server_port and ssrc (UDP); interleaved and ssrc (TCP)")
    void setupAnswersTheTransportCompleted() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response udp = rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1,
                    "Transport: RTP/AVP;unicast;client_port=40100-40101");
            String t = udp.header("Transport");
            assertTrue(t.contains("client_port=40100-40101") && t.contains("server_port=")
                    && t.matches(".*ssrc=[0-9A-Fa-f]{8}.*"), t);
            RawRtsp.Response tcp = rtsp.request("SETUP", url(CLIP + "/trackID=1"), 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=2-3", "Session: " + session(udp));
            assertTrue(tcp.status() == 200 || tcp.status() == 461, tcp.statusLine());
            RawRtsp.Response tcpAlone = rtsp.request("SETUP", url(CLIP + "/trackID=1"), 3,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=8-9");
            assertTrue(tcpAlone.header("Transport").matches("RTP/AVP/TCP;unicast;interleaved=8-9;.*ssrc=[0-9A-Fa-f]{8}.*"),
                    tcpAlone.header("Transport"));
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "Session: <id>;timeout=<s>; ids of >= 128 bits of randomness, alphanumeric, no dashes")
    void sessionIdsAreLongAlphanumericAndCarryTheTimeout() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1, TCP_VIDEO);
            Matcher m = Pattern.compile("([A-Za-z0-9]+);timeout=(\\d+)").matcher(setup.header("Session"));
            assertTrue(m.matches(), setup.header("Session"));
            assertEquals(SESSION_TIMEOUT_SECONDS, Integer.parseInt(m.group(2)), "the configured timeout");
            String id = m.group(1);
            // 128 bits: 32 hex digits, or 22 of base 62
            int bitsPerChar = id.matches("[0-9a-f]+") || id.matches("[0-9A-F]+") ? 4 : 5;
            assertTrue(id.length() * bitsPerChar >= 128, id);
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "a session is used only by the client that created it: another client's request with its id gets 454")
    void anotherClientsSessionIdGets454() throws IOException {
        try (RawRtsp owner = new RawRtsp(tributary.rtspPort());
             RawRtsp other = new RawRtsp("127.0.0.2", tributary.rtspPort(), 0)) {
            String id = setupVideo(owner, 1);
            assertEquals(200, owner.request("PLAY", url(CLIP + "/"), 2, "Session: " + id).status());
            for (String method : List.of("PAUSE", "PLAY", "TEARDOWN")) {
                assertEquals(454, other.request(method, url(CLIP + "/"), 1, "Session: " + id).status(), method);
            }
            owner.frames(200);
            assertNotNull(owner.nextFrame(0, 2000), "the owner still plays");
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "any request with the session, or RTCP from the client, refreshes it; otherwise it times out")
    void requestsAndReceiverReportsKeepASessionAliveAndSilenceEndsIt() throws Exception {
        try (DatagramSocket refreshedByRtcp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket refreshedByRequests = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String[] ids = new String[3];
            int serverRtcp = 0;
            DatagramSocket[] sockets = {refreshedByRtcp, silent, refreshedByRequests};
            for (int i = 0; i < 3; i++) {
                int port = sockets[i].getLocalPort();
                RawRtsp.Response setup = rtsp.request("SETUP", url(CLIP + "/trackID=0"), i + 1,
                        "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
                ids[i] = session(setup);
                serverRtcp = serverPort(setup) + 1;
            }
            // the RTCP report comes from the session's RTP port's pair: the client's RTCP port is port + 1,
            // so send it from a socket bound there
            try (DatagramSocket rtcp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    refreshedByRtcp.getLocalPort() + 1))) {
                long end = System.currentTimeMillis() + (SESSION_TIMEOUT_SECONDS + 2) * 1000L;
                int cseq = 10;
                while (System.currentTimeMillis() < end) {
                    byte[] rr = {(byte) 0x80, (byte) 201, 0, 1, 0x11, 0x22, 0x33, 0x44};
                    rtcp.send(new DatagramPacket(rr, rr.length, InetAddress.getLoopbackAddress(), serverRtcp));
                    assertEquals(200, rtsp.request("GET_PARAMETER", url(CLIP + "/"), cseq++, "Session: " + ids[2]).status());
                    Thread.sleep(800);
                }
            }
            assertEquals(454, rtsp.request("PLAY", url(CLIP + "/"), 50, "Session: " + ids[1]).status(), "silent: timed out");
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 51, "Session: " + ids[2]).status(), "kept by requests");
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 52, "Session: " + ids[0]).status(), "kept by RTCP");
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "closing the connection ends its TCP-interleaved sessions")
    void closingTheConnectionEndsItsInterleavedSessions() throws Exception {
        String id;
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            id = setupVideo(rtsp, 1);
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id).status());
        }
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            boolean gone = Await.until(java.time.Duration.ofSeconds(2), () -> {
                try {
                    // PLAY, not GET_PARAMETER: a keep-alive with a stale session is answered 200 on purpose
                    return rtsp.request("PLAY", url(CLIP + "/"), 1, "Session: " + id).status() == 454;
                } catch (IOException e) {
                    return false;
                }
            });
            assertTrue(gone, "the session ended with its connection");
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "publishing with SETUP mode=receive (as ffmpeg sends) works like mode=record")
    void modeReceiveIsAcceptedForPublishing() throws IOException {
        String sdp;
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            sdp = rtsp.request("DESCRIBE", url(CLIP), 1).body();
        }
        try (RawRtsp publisher = new RawRtsp(tributary.rtspPort())) {
            publisher.send("ANNOUNCE " + url("/live/receive") + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: application/sdp\r\n"
                    + "Content-Length: " + sdp.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + sdp);
            assertEquals(200, publisher.read().status());
            String id = session(publisher.request("SETUP", url("/live/receive/trackID=0"), 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=receive"));
            assertEquals(200, publisher.request("RECORD", url("/live/receive"), 3, "Session: " + id).status());
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "one publisher per path: a second ANNOUNCE of a published path is refused, the first keeps it")
    void aSecondPublisherOfAPathIsRefused() throws IOException {
        String sdp;
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            sdp = rtsp.request("DESCRIBE", url(CLIP), 1).body();
        }
        String announce = "ANNOUNCE " + url("/live/owned") + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + sdp;
        try (RawRtsp first = new RawRtsp(tributary.rtspPort()); RawRtsp second = new RawRtsp(tributary.rtspPort())) {
            first.send(announce);
            assertEquals(200, first.read().status());
            String id = session(first.request("SETUP", url("/live/owned/trackID=0"), 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record"));
            assertEquals(200, first.request("RECORD", url("/live/owned"), 3, "Session: " + id).status());
            second.send(announce);
            RawRtsp.Response refused = second.read();
            // The checklist suggests 453/409. 409 is not an RTSP 1.0 status (RFC 2326 §7.1.1 skips it) and
            // 453 says bandwidth ran out, which would send a client looking in the wrong place: the path's
            // state is what refuses the request, so 455 (§11.3.6) with the reason in the body.
            assertEquals(455, refused.status(), refused.statusLine());
            assertTrue(refused.body().contains("already being published"), refused.body());
            assertEquals(200, first.request("GET_PARAMETER", url("/live/owned"), 4, "Session: " + id).status());
        }
    }

    // RTP/RTCP

    @Test
    @Requirement(spec = CHECKLIST, section = "RTP/RTCP", level = MUST, text = "an SSRC per track")
    void eachTrackHasItsOwnSsrc() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response video = rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1, TCP_VIDEO);
            RawRtsp.Response audio = rtsp.request("SETUP", url(CLIP + "/trackID=1"), 2, TCP_AUDIO,
                    "Session: " + session(video));
            assertNotEquals(ssrc(video), ssrc(audio));
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "/"), 3, "Session: " + session(video));
            assertEquals(200, play.status());
            RawRtsp.Frame v = rtsp.nextFrame(0, 3000);
            RawRtsp.Frame a = rtsp.nextFrame(2, 3000);
            assertEquals(ssrc(video), String.format("%08X", rtpSsrc(v)), "the SSRC the SETUP reply named");
            assertEquals(ssrc(audio), String.format("%08X", rtpSsrc(a)));
        }
    }

    private static long rtpSsrc(RawRtsp.Frame f) {
        byte[] d = f.data();
        return ((d[8] & 0xffL) << 24) | ((d[9] & 0xffL) << 16) | ((d[10] & 0xffL) << 8) | (d[11] & 0xffL);
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "RTP/RTCP", level = Requirement.Level.SHOULD,
            text = "random initial sequence number and timestamp per track (RFC 3550 §5.1); the sessions of one"
                    + " file share them by design: each sample is packetized once for every reader")
    void initialSequenceNumbersAndTimestampsAreRandomPerFileAndShared() throws IOException {
        long[][] starts = new long[3][];
        String[] paths = {CLIP, CLIP, "/demo"};
        for (int i = 0; i < 3; i++) {
            try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
                String id = session(rtsp.request("SETUP", url(paths[i] + "/trackID=0"), 1, TCP_VIDEO));
                assertEquals(200, rtsp.request("PLAY", url(paths[i] + "/"), 3, "Session: " + id,
                        "Range: npt=0-").status());
                RawRtsp.Frame first = rtsp.nextFrame(0, 3000);
                starts[i] = new long[] {first.sequence(), first.timestamp()};
            }
        }
        String seen = java.util.Arrays.deepToString(starts);
        assertEquals(starts[0][0], starts[1][0], "two sessions of one file from its start share the numbering: " + seen);
        assertEquals(starts[0][1], starts[1][1], seen);
        assertNotEquals(starts[0][1], starts[2][1], "another file has a numbering of its own: " + seen);
    }

    private static String ssrc(RawRtsp.Response setup) {
        Matcher m = Pattern.compile("ssrc=([0-9A-Fa-f]{8})").matcher(setup.header("Transport"));
        assertTrue(m.find(), setup.header("Transport"));
        return m.group(1).toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "RTP/RTCP", level = MUST,
            text = "timestamps in the codec clock (90 kHz video, sample rate audio); marker on a video frame's last packet; payloads <= 1400 bytes")
    void timestampsMarkersAndPayloadSizesFollowTheCodec() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            rtsp.request("SETUP", url(CLIP + "/trackID=1"), 2, TCP_AUDIO, "Session: " + id);
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 3, "Session: " + id, "Range: npt=0-").status());
            List<RawRtsp.Frame> frames = rtsp.frames(2000);
            List<RawRtsp.Frame> video = frames.stream().filter(f -> f.channel() == 0).toList();
            List<RawRtsp.Frame> audio = frames.stream().filter(f -> f.channel() == 2).toList();
            assertTrue(video.size() > 20 && audio.size() > 20, video.size() + " video, " + audio.size() + " audio");
            for (RawRtsp.Frame f : frames) {
                if (f.channel() % 2 == 0) {
                    assertTrue(f.data().length - 12 <= 1400, "payload of " + (f.data().length - 12) + " bytes");
                }
            }
            for (int i = 0; i + 1 < video.size(); i++) {
                boolean marker = (video.get(i).data()[1] & 0x80) != 0;
                boolean lastOfFrame = video.get(i).timestamp() != video.get(i + 1).timestamp();
                assertEquals(lastOfFrame, marker, "marker bit of packet " + i);
            }
            // 25 fps: consecutive frames 3600 ticks apart at 90 kHz; AAC: 1024 samples at 48 kHz per packet
            List<Long> stamps = video.stream().map(RawRtsp.Frame::timestamp).distinct().toList();
            long step = (stamps.get(1) - stamps.get(0)) & 0xffffffffL;
            assertTrue(90_000 / step >= 23 && 90_000 / step <= 61, "a frame rate of 23 to 60 fps at 90 kHz: step " + step);
            for (int i = 0; i + 1 < Math.min(stamps.size(), 10); i++) {
                assertEquals(step, (stamps.get(i + 1) - stamps.get(i)) & 0xffffffffL, "video frame step");
            }
            long audioStep = (audio.get(1).timestamp() - audio.get(0).timestamp()) & 0xffffffffL;
            assertEquals(0, audioStep % 1024, "AAC frames of 1024 samples: " + audioStep);
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "RTP/RTCP", level = MUST,
            text = "RTCP sender reports at least every 5 s, mapping NTP to RTP time")
    void senderReportsComeWithinFiveSeconds() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            assertEquals(200, rtsp.request("PLAY", url("/vod/clip.mp4/"), 2, "Session: " + id, "Range: npt=0-").status());
            long played = System.nanoTime();
            RawRtsp.Frame sr = null;
            long lastRtp = 0;
            while (sr == null && System.nanoTime() - played < 6_000_000_000L) {
                RawRtsp.Frame f = rtsp.anyFrame(200);
                if (f != null && f.channel() == 1 && Wire.rtcpTypes(f.data()).contains(200)) {
                    sr = f;
                } else if (f != null && f.channel() == 0) {
                    lastRtp = f.timestamp();
                }
            }
            assertNotNull(sr, "no SR within 5 s (+1 s)");
            byte[] d = sr.data();
            long ntpSeconds = ((d[8] & 0xffL) << 24) | ((d[9] & 0xffL) << 16) | ((d[10] & 0xffL) << 8) | (d[11] & 0xffL);
            long unix = ntpSeconds - 2_208_988_800L;
            assertTrue(Math.abs(unix - System.currentTimeMillis() / 1000) < 5, "NTP time is now: " + unix);
            long rtp = ((d[16] & 0xffL) << 24) | ((d[17] & 0xffL) << 16) | ((d[18] & 0xffL) << 8) | (d[19] & 0xffL);
            long gap = Math.abs((int) (rtp - lastRtp));
            assertTrue(gap < 90_000, "the SR's RTP time is that of the stream (" + gap + " ticks from the last packet)");
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "RTP/RTCP", level = MUST, text = "RTCP BYE on TEARDOWN")
    void teardownSendsAnRtcpBye() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id).status());
            rtsp.frames(500);
            rtsp.send("TEARDOWN " + url(CLIP + "/") + " RTSP/1.0\r\nCSeq: 3\r\nSession: " + id + "\r\n\r\n");
            assertEquals(200, rtsp.read().status());
            List<RawRtsp.Frame> after = rtsp.frames(500);
            assertTrue(after.stream().anyMatch(f -> f.channel() == 1 && Wire.rtcpTypes(f.data()).contains(203)),
                    "a BYE around the TEARDOWN reply");
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "RTP/RTCP", level = MUST,
            text = "RTCP BYE when a file has been sent to its end, and nothing after it")
    void theEndOfAFileIsAnRtcpBye() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id, "Range: npt=9-").status());
            List<RawRtsp.Frame> frames = rtsp.frames(2500);
            assertTrue(frames.stream().anyMatch(f -> f.channel() == 1 && Wire.rtcpTypes(f.data()).contains(203)), "BYE");
            assertTrue(rtsp.frames(500).isEmpty(), "nothing after the end");
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "RTP/RTCP", level = MUST,
            text = "UDP media goes to the requesting client from the advertised server_port")
    void udpMediaComesFromTheAdvertisedServerPort() throws IOException {
        try (DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtp.setSoTimeout(3000);
            RawRtsp.Response setup = rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1,
                    "Transport: RTP/AVP;unicast;client_port=" + rtp.getLocalPort() + "-" + (rtp.getLocalPort() + 1));
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + session(setup)).status());
            DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
            try {
                rtp.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no RTP at client_port", e);
            }
            assertEquals(serverPort(setup), packet.getPort());
            assertEquals(InetAddress.getLoopbackAddress(), packet.getAddress());
        }
    }
}
