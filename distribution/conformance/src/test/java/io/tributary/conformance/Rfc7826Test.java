package io.tributary.conformance;

import static io.tributary.conformance.Requirement.Level.MUST;
import static io.tributary.conformance.Requirement.Level.SHOULD;
import static io.tributary.conformance.Requirement.Spec.CHECKLIST;
import static io.tributary.conformance.Requirement.Spec.RFC7826;
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

import io.tributary.itest.Publisher;
import io.tributary.itest.RawRtsp;
import io.tributary.itest.TributaryFixture;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 7826 (RTSP 2.0), requirement by requirement, with a raw socket against one Tributary that
 * also speaks 1.0 on the same port. GStreamer's rtspsrc in its 2.0 mode plays the same paths in
 * distribution/itest (Rtsp2Test).
 */
@ExtendWith(ConformanceReport.class)
class Rfc7826Test {
    private static final int GRACE_SECONDS = 1;
    private static final String LIVE = "/live/conformance2";

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(Map.of(
            "io.tributary.sources.publish", "graceSeconds = " + GRACE_SECONDS));

    private static Publisher live;

    @BeforeAll
    static void addMedia() throws Exception {
        Wire.addClip(tributary);
        live = Publisher.loop(tributary.home().resolve("media/clip.mp4"), url(LIVE), "tcp")
                .awaitPublished(tributary.rtspPort());
    }

    @AfterAll
    static void stopPublisher() throws Exception {
        if (live != null) {
            live.close();
        }
    }

    private static String url(String path) {
        return Wire.url(tributary, path);
    }

    private static RawRtsp.Response setupVideo(RawRtsp rtsp, int cseq, String... more) throws IOException {
        String[] headers = new String[more.length + 1];
        headers[0] = TCP_VIDEO;
        System.arraycopy(more, 0, headers, 1, more.length);
        return rtsp.request2("SETUP", url(CLIP + "/trackID=0"), cseq, headers);
    }

    // 4, 7, 8: versions and message basics

    @Test
    @Requirement(spec = RFC7826, section = "4.1, 8.1", level = MUST,
            text = "a request in RTSP/2.0 is answered in RTSP/2.0, and 1.0 on the same connection in 1.0")
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "RTSP/1.0 and RTSP/2.0 on the same port")
    void bothVersionsAreAnsweredInTheirOwnVersionOnOneConnection() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response two = rtsp.request2("OPTIONS", "*", 1);
            assertTrue(two.statusLine().startsWith("RTSP/2.0 200 "), two.statusLine());
            RawRtsp.Response one = rtsp.request("OPTIONS", "*", 2);
            assertTrue(one.statusLine().startsWith("RTSP/1.0 200 "), one.statusLine());
            RawRtsp.Response describe = rtsp.request2("DESCRIBE", url(CLIP), 3);
            assertTrue(describe.statusLine().startsWith("RTSP/2.0 200 "), describe.statusLine());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "17.5.6", level = MUST,
            text = "a version the server does not support gets 505 RTSP Version Not Supported")
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "any version other than 1.0 and 2.0 -> 505")
    void otherMajorVersionsGet505() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtsp.send("OPTIONS * RTSP/3.0\r\nCSeq: 1\r\n\r\n");
            RawRtsp.Response r = rtsp.read();
            assertEquals(505, r.status());
            assertEquals("1", r.header("CSeq"));
            assertEquals(200, rtsp.request2("OPTIONS", "*", 2).status(), "the connection goes on");
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.20", level = MUST, text = "CSeq is mandatory: a 2.0 request without it gets 400")
    void aRequestWithoutCseqGets400() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtsp.send("DESCRIBE " + url(CLIP) + " RTSP/2.0\r\nAccept: application/sdp\r\n\r\n");
            assertEquals(400, rtsp.read().status());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "4.1, 8.1", level = SHOULD,
            text = "error responses to RTSP/2.0 requests are RTSP/2.0 responses too")
    void errorsOf20RequestsAreAnsweredIn20() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtsp.send("DESCRIBE " + url(CLIP) + " RTSP/2.0\r\nAccept: application/sdp\r\n\r\n");
            RawRtsp.Response noCseq = rtsp.read();
            assertEquals(400, noCseq.status());
            RawRtsp.Response badSession = rtsp.request2("PLAY", url(CLIP + "/"), 2, "Session: a b");
            assertEquals(400, badSession.status());
            RawRtsp.Response unknown = rtsp.request2("DESCRIBE", url("/nope"), 3);
            assertEquals(404, unknown.status());
            assertTrue(unknown.statusLine().startsWith("RTSP/2.0 "), unknown.statusLine());
            assertTrue(badSession.statusLine().startsWith("RTSP/2.0 "), "bad header: " + badSession.statusLine());
            assertTrue(noCseq.statusLine().startsWith("RTSP/2.0 "), "no CSeq: " + noCseq.statusLine());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.20", level = MUST, text = "every response echoes its request's CSeq")
    void everyResponseEchoesTheCseq() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals("271", rtsp.request2("OPTIONS", "*", 271).header("CSeq"));
            assertEquals("272", rtsp.request2("DESCRIBE", url("/nope"), 272).header("CSeq"));
            assertEquals("273", rtsp.request2("FROBNICATE", url(CLIP), 273).header("CSeq"));
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "4.1", level = SHOULD,
            text = "a session keeps the version it was set up with: a 1.0 request naming a 2.0 session is refused")
    void aSessionSetUpIn20StaysIn20() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(setupVideo(rtsp, 1));
            RawRtsp.Response mixed = rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id);
            assertEquals(400, mixed.status());
            assertEquals(200, rtsp.request2("PLAY", url(CLIP + "/"), 3, "Session: " + id).status(), "in 2.0 it plays");
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "14", level = MUST,
            text = "interleaved $-frames from the client between 2.0 requests are skipped by length")
    void interleavedFramesBetween20RequestsAreSkipped() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(setupVideo(rtsp, 1));
            byte[] request = ("GET_PARAMETER " + url(CLIP + "/") + " RTSP/2.0\r\nCSeq: 2\r\nSession: " + id + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] frame = {'$', 1, 0, 8, (byte) 0x80, (byte) 201, 0, 1, 1, 2, 3, 4};
            byte[] both = new byte[frame.length + request.length];
            System.arraycopy(frame, 0, both, 0, frame.length);
            System.arraycopy(request, 0, both, frame.length, request.length);
            rtsp.sendBytes(both);
            RawRtsp.Response r = rtsp.read();
            assertEquals(200, r.status());
            assertEquals("2", r.header("CSeq"));
        }
    }

    // 13.1 OPTIONS, 11 capability handling

    @Test
    @Requirement(spec = RFC7826, section = "13.1, 18.39", level = MUST,
            text = "Public lists the methods of 2.0 the server supports (not ANNOUNCE/RECORD, which 2.0 dropped)")
    void optionsPublicListsThe20Methods() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request2("OPTIONS", "*", 1);
            assertEquals(List.of("OPTIONS", "DESCRIBE", "SETUP", "PLAY", "PAUSE", "TEARDOWN", "GET_PARAMETER",
                    "SET_PARAMETER"), List.of(r.header("Public").split(",\\s*")));
            int cseq = 2;
            for (String method : r.header("Public").split(",\\s*")) {
                assertNotEquals(501, rtsp.request2(method, url(CLIP), cseq++).status(), method);
            }
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "11.1, 18.51", level = SHOULD,
            text = "an OPTIONS reply says in Supported which feature tags the server implements (play.basic)")
    void optionsSaysSupportedFeatureTags() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request2("OPTIONS", "*", 1, "Supported: play.basic, setup.playing");
            assertNotNull(r.header("Supported"));
            assertTrue(List.of(r.header("Supported").split(",\\s*")).contains("play.basic"), r.header("Supported"));
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.43, 17.5.7, 18.55", level = MUST,
            text = "Require of an unsupported tag gets 551 naming it in Unsupported; a supported one is accepted")
    void requireOfAnUnsupportedTagGets551() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(200, rtsp.request2("OPTIONS", "*", 1, "Require: play.basic").status());
            RawRtsp.Response r = rtsp.request2("DESCRIBE", url(CLIP), 2, "Require: play.basic, play.scale.x");
            assertEquals(551, r.status());
            assertEquals("play.scale.x", r.header("Unsupported"));
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "17.5.2, 22 (Appendix I)", level = MUST,
            text = "ANNOUNCE and RECORD are not RTSP 2.0 methods: 501 Not Implemented")
    void announceAndRecordIn20Get501() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(501, rtsp.request2("RECORD", url(LIVE), 1).status());
            rtsp.send("ANNOUNCE " + url("/live/x") + " RTSP/2.0\r\nCSeq: 2\r\nContent-Type: application/sdp\r\n"
                    + "Content-Length: 3\r\n\r\nv=0");
            assertEquals(501, rtsp.read().status());
            assertEquals(501, rtsp.request2("FROBNICATE", url(CLIP), 3).status(), "nor any other unknown method");
        }
    }

    // 13.2 DESCRIBE

    @Test
    @Requirement(spec = RFC7826, section = "13.2, 18.14", level = MUST,
            text = "DESCRIBE gives the SDP with Content-Base (ending in /) and a=control per media")
    void describeGivesSdpAndContentBase() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request2("DESCRIBE", url(CLIP), 1, "Accept: application/sdp");
            assertEquals(200, r.status());
            assertEquals("application/sdp", r.header("Content-Type"));
            assertEquals(url(CLIP + "/"), r.header("Content-Base"));
            assertEquals(2, Pattern.compile("\r\nm=").splitAsStream(r.body()).skip(1)
                    .filter(m -> m.contains("\r\na=control:")).count(), r.body());
        }
    }

    @Test
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "the SDP of a live path says a=range:npt=now-")
    void theSdpOfALivePathIsOpenFromNow() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("DESCRIBE", url(LIVE), 1, "Accept: application/sdp");
            assertEquals(200, r.status());
            assertTrue(r.body().contains("\r\na=range:npt=now-\r\n"), r.body());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.1, 17.4.7", level = SHOULD,
            text = "an Accept the server cannot satisfy gets 406 Not Acceptable")
    void anImpossibleAcceptGets406() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(406, rtsp.request2("DESCRIBE", url(CLIP), 1, "Accept: application/mheg5").status());
        }
    }

    // 13.3 SETUP

    @Test
    @Requirement(spec = RFC7826, section = "18.49, 4.3", level = MUST,
            text = "SETUP creates a session: Session id (random, >= 8 chars) with its timeout")
    void setupAnswersTheSessionWithItsTimeout() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = setupVideo(rtsp, 1);
            Matcher m = Pattern.compile("([A-Za-z0-9$\\-_.+]{8,});\\s*timeout=(\\d+)").matcher(r.header("Session"));
            assertTrue(m.matches(), r.header("Session"));
            assertEquals(60, Integer.parseInt(m.group(2)));
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "13.3, 18.29", level = MUST,
            text = "the SETUP reply carries Media-Properties: a file is Random-Access, Immutable, Unlimited")
    void setupOfAFileSaysItsMediaProperties() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String properties = setupVideo(rtsp, 1).header("Media-Properties");
            assertNotNull(properties);
            assertTrue(properties.startsWith("Random-Access, Immutable, Unlimited"), properties);
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "13.3, 18.29", level = MUST,
            text = "the SETUP reply of a live stream says No-Seeking, Time-Progressing")
    void setupOfALivePathSaysItCannotSeek() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request2("SETUP", url(LIVE + "/trackID=0"), 1, TCP_VIDEO);
            assertEquals(200, r.status(), r.body());
            assertTrue(r.header("Media-Properties").startsWith("No-Seeking, Time-Progressing"), r.header("Media-Properties"));
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "13.3, 18.5", level = MUST,
            text = "the SETUP reply carries Accept-Ranges: the range formats the media can be played in")
    void setupSaysWhichRangeFormatsAreAccepted() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals("npt, smpte, clock", setupVideo(rtsp, 1).header("Accept-Ranges"));
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "13.3, 18.30", level = MUST,
            text = "the SETUP reply carries Media-Range: the file's range in each accepted format")
    void setupSaysTheMediaRange() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String range = setupVideo(rtsp, 1).header("Media-Range");
            assertNotNull(range);
            assertTrue(range.matches("npt=0\\.000-10\\.\\d{3}, clock=20261124T101500Z-20261124T10151\\d(\\.\\d+)?Z"), range);
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.54", level = MUST,
            text = "UDP in 2.0: media goes to dest_addr; the reply names the server's src_addr (no client_port/server_port)")
    void udpMediaGoesToDestAddrAndTheReplyNamesSrcAddr() throws IOException {
        try (DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtp.setSoTimeout(5000);
            int port = rtp.getLocalPort();
            RawRtsp.Response setup = rtsp.request2("SETUP", url(CLIP + "/trackID=0"), 1,
                    "Transport: RTP/AVP/UDP;unicast;dest_addr=\":" + port + "\"/\":" + (port + 1) + "\"");
            assertEquals(200, setup.status(), setup.body());
            String transport = setup.header("Transport");
            assertTrue(transport.matches(".*src_addr=\"127\\.0\\.0\\.1:\\d+\"/\"127\\.0\\.0\\.1:\\d+\".*"), transport);
            assertFalse(transport.contains("client_port") || transport.contains("server_port"), transport);
            assertEquals(200, rtsp.request2("PLAY", url(CLIP + "/"), 2, "Session: " + session(setup)).status());
            DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
            try {
                rtp.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no RTP at the dest_addr port", e);
            }
            assertEquals(2, (packet.getData()[0] & 0xff) >> 6);
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.54, 21.1", level = MUST,
            text = "a dest_addr other than the requester's is refused (403): no traffic amplification")
    void aDestAddrOfAThirdPartyIsRefused() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(403, rtsp.request2("SETUP", url(CLIP + "/trackID=0"), 1,
                    "Transport: RTP/AVP/UDP;unicast;dest_addr=\"192.0.2.1:40000\"/\"192.0.2.1:40001\"").status());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.33", level = MUST,
            text = "pipelined requests with one Pipelined-Requests id run in the session the first SETUP created")
    void pipelinedSetupsAndPlayShareOneSession() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String p = "Pipelined-Requests: 4711";
            rtsp.send("SETUP " + url(CLIP + "/trackID=0") + " RTSP/2.0\r\nCSeq: 1\r\n" + p + "\r\n" + TCP_VIDEO + "\r\n\r\n"
                    + "SETUP " + url(CLIP + "/trackID=1") + " RTSP/2.0\r\nCSeq: 2\r\n" + p + "\r\n" + TCP_AUDIO + "\r\n\r\n"
                    + "PLAY " + url(CLIP + "/") + " RTSP/2.0\r\nCSeq: 3\r\n" + p + "\r\n\r\n");
            RawRtsp.Response video = rtsp.read();
            RawRtsp.Response audio = rtsp.read();
            RawRtsp.Response play = rtsp.read();
            String id = session(video);
            assertEquals(id, session(audio));
            assertEquals(200, play.status(), play.body());
            assertEquals(id, play.header("Session").split(";")[0]);
            assertEquals("4711", play.header("Pipelined-Requests"));
            assertEquals(2, play.header("RTP-Info").split(",").length, play.header("RTP-Info"));
        }
    }

    // 13.4 PLAY

    @Test
    @Requirement(spec = RFC7826, section = "13.4.2, 18.40", level = MUST,
            text = "the PLAY reply carries the Range actually played")
    void playReplyCarriesTheRangePlayed() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(setupVideo(rtsp, 1));
            RawRtsp.Response play = rtsp.request2("PLAY", url(CLIP + "/"), 2, "Session: " + id, "Range: npt=5.2-");
            assertEquals(200, play.status());
            assertTrue(play.header("Range").matches("npt=5\\.0+-10\\.\\d+"), play.header("Range"));
            RawRtsp.Response plain = rtsp.request2("PLAY", url(CLIP + "/"), 3, "Session: " + id);
            assertNotNull(plain.header("Range"), "also without a requested Range");
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.45", level = MUST,
            text = "RTP-Info in its 2.0 form: url=\"…\" ssrc=…:seq=…;rtptime=…, the SSRC of the SETUP reply")
    void rtpInfoHasThe20FormWithSsrc() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = setupVideo(rtsp, 1);
            Matcher ssrc = Pattern.compile("ssrc=([0-9A-Fa-f]{8})").matcher(setup.header("Transport"));
            assertTrue(ssrc.find(), setup.header("Transport"));
            RawRtsp.Response play = rtsp.request2("PLAY", url(CLIP + "/"), 2, "Session: " + session(setup), "Range: npt=4-");
            Matcher info = Pattern.compile("url=\"([^\"]+)\" ssrc=([0-9A-Fa-f]{8}):seq=(\\d+);rtptime=(\\d+)")
                    .matcher(play.header("RTP-Info"));
            assertTrue(info.matches(), play.header("RTP-Info"));
            assertEquals(url(CLIP + "/trackID=0"), info.group(1));
            assertTrue(ssrc.group(1).equalsIgnoreCase(info.group(2)), info.group(2));
            RawRtsp.Frame first = rtsp.nextFrame(0, 3000);
            assertNotNull(first);
            assertEquals(Integer.parseInt(info.group(3)), first.sequence());
            assertEquals(Long.parseLong(info.group(4)), first.timestamp());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "18.47", level = SHOULD,
            text = "a PLAY reply with a seek says by Seek-Style how it sought (RAP: from the preceding keyframe)")
    void aSeekIsAnsweredWithItsSeekStyle() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(setupVideo(rtsp, 1));
            assertEquals("RAP", rtsp.request2("PLAY", url(CLIP + "/"), 2, "Session: " + id, "Range: npt=3.3-")
                    .header("Seek-Style"));
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "13.4.2, 18.29", level = MUST,
            text = "a seek in a No-Seeking (live) stream is not done: refused (457) or played from now, as the reply's Range says")
    void aSeekInALiveStreamIsNotDone() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(rtsp.request2("SETUP", url(LIVE + "/trackID=0"), 1, TCP_VIDEO));
            RawRtsp.Response seek = rtsp.request2("PLAY", url(LIVE + "/"), 2, "Session: " + id, "Range: npt=5-");
            if (seek.status() == 200) {
                assertTrue(seek.header("Range").startsWith("npt=now-"), "played from now, not from 5: " + seek.header("Range"));
            } else {
                assertEquals(457, seek.status());
                assertEquals(200, rtsp.request2("PLAY", url(LIVE + "/"), 3, "Session: " + id).status());
            }
            assertNotNull(rtsp.nextFrame(0, 5000), "live media flows");
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "13.5, 18.32, 18.42", level = MUST,
            text = "the end of a file is told by PLAY_NOTIFY end-of-stream with Session, Request-Status and Range")
    void theEndOfAFileIsAPlayNotify() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(setupVideo(rtsp, 1));
            assertEquals(200, rtsp.request2("PLAY", url(CLIP + "/"), 2, "Session: " + id, "Range: npt=9-").status());
            RawRtsp.Request notify = rtsp.readRequest(5000);
            assertEquals("PLAY_NOTIFY", notify.method());
            assertEquals("RTSP/2.0", notify.version());
            assertEquals("end-of-stream", notify.header("Notify-Reason"));
            assertEquals(id, notify.header("Session"));
            assertNotNull(notify.header("CSeq"));
            assertTrue(notify.header("Request-Status").startsWith("cseq=2 status=200"), notify.header("Request-Status"));
            assertTrue(notify.header("Range").matches("npt=-?\\d*\\.?\\d*-?10\\.\\d+"), notify.header("Range"));
            rtsp.send("RTSP/2.0 200 OK\r\nCSeq: " + notify.header("CSeq") + "\r\nSession: " + id + "\r\n\r\n");
            assertEquals(200, rtsp.request2("GET_PARAMETER", url(CLIP + "/"), 3, "Session: " + id).status());
        }
    }

    // 13.6 PAUSE, 13.7 TEARDOWN, 13.8/13.9 parameters

    @Test
    @Requirement(spec = RFC7826, section = "13.6", level = MUST,
            text = "PAUSE stops delivery; its reply's Range starts at the pause point, where a PLAY without Range resumes")
    void pauseAnswersThePausePointAndPlayResumesThere() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(setupVideo(rtsp, 1));
            assertEquals(200, rtsp.request2("PLAY", url(CLIP + "/"), 2, "Session: " + id, "Range: npt=2-").status());
            rtsp.frames(700);
            RawRtsp.Response pause = rtsp.request2("PAUSE", url(CLIP + "/"), 3, "Session: " + id);
            assertEquals(200, pause.status());
            Matcher at = Pattern.compile("npt=(\\d+\\.\\d+)-.*").matcher(pause.header("Range"));
            assertTrue(at.matches(), pause.header("Range"));
            rtsp.frames(300);
            assertTrue(rtsp.frames(600).stream().noneMatch(f -> f.channel() == 0), "no RTP while paused");
            RawRtsp.Response resume = rtsp.request2("PLAY", url(CLIP + "/"), 4, "Session: " + id);
            assertTrue(resume.header("Range").startsWith("npt=" + at.group(1)), resume.header("Range") + " vs " + at.group(1));
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "13.7, 17.4.18", level = MUST,
            text = "TEARDOWN ends the session: afterwards its id gets 454 Session Not Found")
    void teardownEndsTheSession() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(setupVideo(rtsp, 1));
            assertEquals(200, rtsp.request2("TEARDOWN", url(CLIP + "/"), 2, "Session: " + id).status());
            assertEquals(454, rtsp.request2("PLAY", url(CLIP + "/"), 3, "Session: " + id).status());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "13.8", level = SHOULD,
            text = "GET_PARAMETER without a body is a keep-alive: 200")
    void getParameterWithoutBodyKeepsAlive() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(setupVideo(rtsp, 1));
            RawRtsp.Response r = rtsp.request2("GET_PARAMETER", url(CLIP + "/"), 2, "Session: " + id);
            assertEquals(200, r.status());
            assertEquals(id, r.header("Session").split(";")[0]);
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "13.9, 17.4.15", level = SHOULD,
            text = "SET_PARAMETER of an unknown parameter gets 451 Parameter Not Understood")
    void setParameterOfAnUnknownParameterGets451() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(setupVideo(rtsp, 1));
            String body = "barparam: barstuff\r\n";
            rtsp.send("SET_PARAMETER " + url(CLIP + "/") + " RTSP/2.0\r\nCSeq: 2\r\nSession: " + id
                    + "\r\nContent-Type: text/parameters\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            assertEquals(451, rtsp.read().status());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "13.7, 18.52", level = MUST,
            text = "when a live source ends, the server sends TEARDOWN with the Session and a Terminate-Reason")
    void theEndOfALiveSourceIsATeardownFromTheServer() throws Exception {
        String path = "/live/ends";
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id;
            try (Publisher publisher = Publisher.loop(tributary.home().resolve("media/clip.mp4"), url(path), "tcp")
                    .awaitPublished(tributary.rtspPort())) {
                id = session(rtsp.request2("SETUP", url(path + "/trackID=0"), 1, TCP_VIDEO));
                assertEquals(200, rtsp.request2("PLAY", url(path + "/"), 2, "Session: " + id).status());
                assertNotNull(rtsp.nextFrame(0, 5000));
            }
            RawRtsp.Request teardown = rtsp.readRequest((GRACE_SECONDS + 10) * 1000);
            assertEquals("TEARDOWN", teardown.method());
            assertEquals(id, teardown.header("Session"));
            assertNotNull(teardown.header("Terminate-Reason"));
            assertTrue(teardown.header("Terminate-Reason").matches("(Session-Timeout|Server-Admin|Internal-Error)(;.*)?"),
                    teardown.header("Terminate-Reason"));
        }
    }

    // 17.4: status codes in 2.0

    @Test
    @Requirement(spec = RFC7826, section = "17.4.18", level = MUST, text = "an unknown session id gets 454")
    void anUnknownSessionGets454() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(454, rtsp.request2("PLAY", url(CLIP + "/"), 1, "Session: ABCDEFGHIJKLMNOP").status());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "17.4.19, 18.6", level = MUST,
            text = "455 Method Not Valid in This State carries Allow with the methods valid now")
    void aMethodInvalidInTheStateGets455WithAllow() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(setupVideo(rtsp, 1));
            RawRtsp.Response again = setupVideo(rtsp, 2, "Session: " + id);
            assertEquals(455, again.status());
            assertNotNull(again.header("Allow"));
            assertTrue(again.header("Allow").contains("PLAY"), again.header("Allow"));
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "17.4.21", level = MUST, text = "a Range beyond the media gets 457 Invalid Range")
    void aRangeBeyondTheEndGets457() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(setupVideo(rtsp, 1));
            assertEquals(457, rtsp.request2("PLAY", url(CLIP + "/"), 2, "Session: " + id, "Range: npt=60-").status());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "17.4.23", level = MUST,
            text = "SETUP of the aggregate URL gets 459 Aggregate Operation Not Allowed")
    void setupOfTheAggregateGets459() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(459, rtsp.request2("SETUP", url(CLIP), 1, TCP_VIDEO).status());
        }
    }

    @Test
    @Requirement(spec = RFC7826, section = "17.4.25", level = MUST,
            text = "no usable transport in the list gets 461 Unsupported Transport")
    void noUsableTransportGets461() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request2("SETUP", url(CLIP + "/trackID=0"), 1, "Transport: RTP/SAVPF/DCCP;unicast");
            assertEquals(461, r.status());
            assertNull(r.header("Session"));
        }
    }
}
