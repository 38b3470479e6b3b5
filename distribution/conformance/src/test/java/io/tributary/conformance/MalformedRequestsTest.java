package io.tributary.conformance;

import static io.tributary.conformance.Requirement.Level.MUST;
import static io.tributary.conformance.Requirement.Level.SHOULD;
import static io.tributary.conformance.Requirement.Spec.CHECKLIST;
import static io.tributary.conformance.Requirement.Spec.RFC2326;
import static io.tributary.conformance.Requirement.Spec.RFC7826;
import static io.tributary.conformance.Wire.CLIP;
import static io.tributary.conformance.Wire.TCP_VIDEO;
import static io.tributary.conformance.Wire.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.itest.RawRtsp;
import io.tributary.itest.TributaryFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A malformed or hostile variant of each kind of request: each gets its precise status (and a
 * fatal one a closed connection), and after each the server still serves another client. The
 * attacks at scale, with honest readers measured throughout, are distribution/itest's
 * HostileClientsTest; here each is one request on the wire.
 */
@ExtendWith(ConformanceReport.class)
class MalformedRequestsTest {
    /** Body limit of the RTSP decoder (RtspDecoder.Limits.DEFAULT). */
    private static final int MAX_BODY = 64 * 1024;

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    @BeforeAll
    static void addMedia() throws Exception {
        Wire.addClip(tributary);
    }

    @AfterEach
    void anotherClientIsStillServed() throws IOException {
        Wire.servesOthers(tributary);
    }

    private static String url(String path) {
        return Wire.url(tributary, path);
    }

    private static RawRtsp.Exchange exchange(String raw, int answers) throws Exception {
        return exchange(raw.getBytes(StandardCharsets.UTF_8), answers);
    }

    /** {@link RawRtsp#exchange(byte[], int)} on a new connection. */
    private static RawRtsp.Exchange exchange(byte[] bytes, int answers) throws Exception {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            return rtsp.exchange(bytes, answers);
        }
    }

    // header syntax

    @Test
    @Requirement(spec = RFC7826, section = "17.4.1, 20.2.2", level = MUST,
            text = "OPTIONS with a CSeq that is not a number (or too big, or negative) gets 400, with no CSeq echoed")
    void optionsWithABadCseqGets400() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            for (String cseq : List.of("abc", "-1", "12345678901", "1 2", "")) {
                rtsp.send("OPTIONS * RTSP/1.0\r\nCSeq: " + cseq + "\r\n\r\n");
                RawRtsp.Response r = rtsp.read();
                assertEquals(400, r.status(), "CSeq '" + cseq + "'");
                assertNull(r.header("CSeq"), "no CSeq to echo: " + r.header("CSeq"));
            }
            assertEquals(200, rtsp.request("OPTIONS", "*", 1).status());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "17.4.1", level = MUST,
            text = "a header line without a colon, or with a NUL byte, gets 400 and the connection is kept")
    void malformedHeaderLinesGet400() throws Exception {
        assertEquals(new RawRtsp.Exchange(List.of(400), true), exchange("DESCRIBE " + url(CLIP) + " RTSP/1.0\r\nCSeq: 1\r\n"
                + "this line has no colon\r\n\r\n", 1));
        assertEquals(new RawRtsp.Exchange(List.of(400), true), exchange("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Nul: a\u0000b\r\n\r\n", 1));
    }

    @Test
    @Requirement(spec = RFC2326, section = "6.1, 7.1.1 (H10.4.1)", level = MUST,
            text = "a garbage request line gets 400 and the connection resynchronises on the next request")
    void aGarbageRequestLineGets400AndTheNextRequestIsAnswered() throws Exception {
        assertEquals(new RawRtsp.Exchange(List.of(400, 200), true),
                exchange("this is not rtsp\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n", 2));
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "limits: an over-long header line or too many headers -> 431 and close")
    void overlongHeadersGet431AndAreClosed() throws Exception {
        assertEquals(new RawRtsp.Exchange(List.of(431), false),
                exchange("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Big: " + "a".repeat(100 * 1024) + "\r\n\r\n", 1));
        StringBuilder many = new StringBuilder("OPTIONS * RTSP/1.0\r\nCSeq: 2\r\n");
        for (int i = 0; i < 10_000; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        assertEquals(new RawRtsp.Exchange(List.of(431), false), exchange(many.append("\r\n").toString(), 1));
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "limits: a request line of 1 MiB -> 414 and close")
    void aHugeRequestLineGets414AndIsClosed() throws Exception {
        assertEquals(new RawRtsp.Exchange(List.of(414), false),
                exchange("DESCRIBE " + url("/") + "a".repeat(1 << 20) + " RTSP/1.0\r\nCSeq: 1\r\n\r\n", 1));
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "limits: a body over the limit (or announced as 1 GB) -> 413 and close")
    void anOversizedBodyGets413AndIsClosed() throws Exception {
        String set = "SET_PARAMETER " + url(CLIP) + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: text/parameters\r\n";
        assertEquals(new RawRtsp.Exchange(List.of(413), false),
                exchange(set + "Content-Length: " + (MAX_BODY + 1) + "\r\n\r\n" + "p".repeat(MAX_BODY + 1), 1));
        assertEquals(new RawRtsp.Exchange(List.of(413), false), exchange("ANNOUNCE " + url("/live/big") + " RTSP/1.0\r\nCSeq: 2\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: 1000000000\r\n\r\n", 1));
    }

    @Test
    @Requirement(spec = RFC2326, section = "4.3, 12.14", level = MUST,
            text = "a negative or conflicting Content-Length cannot frame the message: 400 and close")
    void unframableContentLengthsGet400AndClose() throws Exception {
        String set = "SET_PARAMETER " + url(CLIP) + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: text/parameters\r\n";
        assertEquals(new RawRtsp.Exchange(List.of(400), false), exchange(set + "Content-Length: -1\r\n\r\n", 1));
        assertEquals(new RawRtsp.Exchange(List.of(400), false),
                exchange(set + "Content-Length: 4\r\nContent-Length: 5\r\n\r\nabcde", 1));
        assertEquals(new RawRtsp.Exchange(List.of(400), false), exchange(set + "Content-Length: 0x10\r\n\r\n", 1));
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "limits: more pipelined requests than a connection queues -> closed, never a hang")
    void aPipelineFloodClosesTheConnection() throws Exception {
        StringBuilder flood = new StringBuilder();
        for (int i = 1; i <= 500; i++) {
            flood.append("OPTIONS * RTSP/1.0\r\nCSeq: ").append(i).append("\r\n\r\n");
        }
        RawRtsp.Exchange seen = exchange(flood.toString(), 500);
        assertTrue(seen.statuses().contains(-1), "closed before answering all 500: " + seen.statuses().size());
        assertFalse(seen.kept(), "closed");
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "binary junk on the RTSP port is closed, never a hang")
    void binaryJunkIsClosed() throws Exception {
        byte[] junk = new byte[16 * 1024];
        new java.util.Random(7).nextBytes(junk);
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (0x80 | junk[i]); // no line end, not a TLS or $ start
        }
        RawRtsp.Exchange seen = exchange(junk, 1);
        assertFalse(seen.kept(), "closed: " + seen);
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "a whole SETUP and PLAY written one byte at a time are answered (slow but honest client)")
    void oneByteWritesOfSetupAndPlayWork() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            for (byte b : ("SETUP " + url(CLIP + "/trackID=0") + " RTSP/2.0\r\nCSeq: 1\r\n" + TCP_VIDEO + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)) {
                rtsp.sendBytes(new byte[] {b});
            }
            String id = session(rtsp.read());
            for (byte b : ("PLAY " + url(CLIP + "/") + " RTSP/2.0\r\nCSeq: 2\r\nSession: " + id + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)) {
                rtsp.sendBytes(new byte[] {b});
            }
            assertEquals(200, rtsp.read().status());
        }
    }

    // per method

    @Test
    @Requirement(spec = RFC7826, section = "17.4.1", level = MUST,
            text = "DESCRIBE of a URI that is not rtsp:// (or badly %-encoded) gets 400")
    void describeOfANonRtspUriGets400() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(400, rtsp.request("DESCRIBE", "file:///etc/passwd", 1).status());
            assertEquals(400, rtsp.request("DESCRIBE", url("/vod/%zz.mp4"), 2).status());
            assertEquals(404, rtsp.request("DESCRIBE", url("/vod/../../etc/passwd"), 3).status(), "never outside media");
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.54, 17.4.1", level = MUST,
            text = "SETUP with a malformed Transport (bad ports, channel > 255, unterminated quote) gets 400")
    void setupWithAMalformedTransportGets400() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            int cseq = 1;
            for (String t : List.of("RTP/AVP;unicast;client_port=abc", "RTP/AVP;unicast;client_port=5002-5000",
                    "RTP/AVP/TCP;unicast;interleaved=300-301", "RTP/AVP;unicast;client_port=\"5000-5001", ",,,")) {
                RawRtsp.Response r = rtsp.request("SETUP", url(CLIP + "/trackID=0"), cseq++, "Transport: " + t);
                assertEquals(400, r.status(), t);
                assertNull(r.header("Session"), t);
            }
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "13.3, 18.54", level = MUST,
            text = "SETUP without a Transport header is refused (400), nothing set up")
    void setupWithoutTransportIsRefused() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1);
            assertEquals(400, r.status());
            assertNull(r.header("Session"));
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.40, 17.4.1", level = MUST,
            text = "PLAY with a malformed Range gets 400; a reversed one 457; the session keeps working")
    void playWithAMalformedRangeGets400() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1, TCP_VIDEO));
            int cseq = 2;
            for (String range : List.of("npt=abc-", "bogus", "npt=1e3-", "smpte=0:00:99-")) {
                assertEquals(400, rtsp.request("PLAY", url(CLIP + "/"), cseq++, "Session: " + id, "Range: " + range)
                        .status(), range);
            }
            assertEquals(457, rtsp.request("PLAY", url(CLIP + "/"), cseq++, "Session: " + id, "Range: npt=8-2").status());
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), cseq, "Session: " + id).status());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.49, 17.4.1", level = MUST,
            text = "a malformed Session header (empty, spaces, 300 chars, bad timeout) gets 400")
    void aMalformedSessionHeaderGets400() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            int cseq = 1;
            for (String value : List.of("", "a b", "a".repeat(300), "abcdefgh;timeout=xyz")) {
                assertEquals(400, rtsp.request("PLAY", url(CLIP + "/"), cseq++, "Session: " + value).status(), value);
            }
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "11.3.5", level = MUST,
            text = "PLAY, PAUSE, TEARDOWN or RECORD without any Session header get 454 Session Not Found")
    void sessionMethodsWithoutASessionGet454() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            int cseq = 1;
            for (String method : List.of("PLAY", "PAUSE", "TEARDOWN", "RECORD")) {
                assertEquals(454, rtsp.request(method, url(CLIP + "/"), cseq++).status(), method);
            }
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "11.3.5", level = MUST,
            text = "TEARDOWN with another client's session id gets 454 and the owner keeps playing")
    void teardownOfAnotherClientsSessionGets454() throws IOException {
        try (RawRtsp owner = new RawRtsp(tributary.rtspPort());
             RawRtsp thief = new RawRtsp("127.0.0.3", tributary.rtspPort(), 0)) {
            String id = session(owner.request("SETUP", url(CLIP + "/trackID=0"), 1, TCP_VIDEO));
            assertEquals(200, owner.request("PLAY", url(CLIP + "/"), 2, "Session: " + id).status());
            assertEquals(454, thief.request("TEARDOWN", url(CLIP + "/"), 1, "Session: " + id).status());
            owner.frames(300);
            assertNotNull(owner.nextFrame(0, 2000), "the owner's stream goes on");
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "10.3 (H10.4.16)", level = SHOULD,
            text = "ANNOUNCE of something other than application/sdp gets 415 Unsupported Media Type")
    void announceOfANonSdpBodyGets415() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtsp.send("ANNOUNCE " + url("/live/bad") + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: text/html\r\n"
                    + "Content-Length: 6\r\n\r\n<html>");
            assertEquals(415, rtsp.read().status());
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "10.3, 7.1.1 (H10.4.1)", level = MUST,
            text = "ANNOUNCE with an SDP that does not parse gets 400 and claims nothing")
    void announceOfGarbageSdpGets400() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String body = "this is\r\nnot = an sdp\r\n\u0001\u0002\r\n";
            rtsp.send("ANNOUNCE " + url("/live/garbage") + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: application/sdp\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
            assertEquals(400, rtsp.read().status());
            assertEquals(404, rtsp.request("DESCRIBE", url("/live/garbage"), 2).status(), "nothing was published");
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.33, 17.4.1", level = MUST,
            text = "a malformed Pipelined-Requests value gets 400")
    void aMalformedPipelinedRequestsGets400() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(400, rtsp.request2("SETUP", url(CLIP + "/trackID=0"), 1, TCP_VIDEO,
                    "Pipelined-Requests: not-a-number").status());
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "RTP/RTCP", level = MUST,
            text = "UDP media is never aimed at a third party: destination= another host gets 403, ports < 1024 461")
    void udpMediaCannotBeAimedElsewhere() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(403, rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1,
                    "Transport: RTP/AVP;unicast;destination=192.0.2.1;client_port=40000-40001").status());
            assertEquals(461, rtsp.request("SETUP", url(CLIP + "/trackID=0"), 2,
                    "Transport: RTP/AVP;unicast;client_port=53-54").status());
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "10.12", level = MUST,
            text = "$-frames on channels no session claimed are ignored; the next request is answered")
    void framesWithoutASessionAreIgnored() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            byte[] rtp = new byte[1000];
            rtp[0] = (byte) 0x80;
            rtp[1] = 96;
            for (int channel : new int[] {0, 1, 7, 255}) {
                rtsp.sendBytes(RawRtsp.interleaved(channel, rtp));
            }
            RawRtsp.Response r = rtsp.request("OPTIONS", "*", 1);
            assertEquals(200, r.status());
            assertEquals("1", r.header("CSeq"));
        }
    }
}
