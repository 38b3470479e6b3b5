package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The RTSP exchange byte by byte, with a raw socket: every status, header, Range and
 * RTP-Info value of DESCRIBE/SETUP/PLAY/PAUSE/PLAY/TEARDOWN, seeking, and bad input.
 */
class RtspConformanceTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static final Pattern SESSION = Pattern.compile("^([0-9a-f]{32});timeout=60$");
    private static final Pattern RTP_INFO = Pattern.compile(
            "url=(\\S+?/trackID=(\\d));seq=(\\d+);rtptime=(\\d+)");
    private static final Pattern NPT_OPEN = Pattern.compile("^npt=(\\d+\\.\\d{3})-$");

    @BeforeAll
    static void addVodFile() throws IOException {
        Files.copy(tributary.home().resolve("demo/demo.mp4"), tributary.home().resolve("media/clip.mp4"));
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    @Test
    void optionsListsExactlyTheSupportedMethods() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("OPTIONS", "*", 1);
            assertEquals(200, r.status());
            assertEquals("1", r.header("CSeq"));
            assertTrue(r.header("Server").startsWith("Tributary/"), r.header("Server"));
            assertNotNull(r.header("Date"));
            assertEquals(List.of("OPTIONS", "DESCRIBE", "SETUP", "PLAY", "PAUSE", "TEARDOWN", "ANNOUNCE", "RECORD",
                    "GET_PARAMETER", "SET_PARAMETER"), List.of(r.header("Public").split(",\\s*")));
        }
    }

    /** RFC 2326 §12.32 and §12.27: a required option the server lacks is refused with 551, naming it. */
    @Test
    void requiredOptionTagsThatAreNotSupportedGet551NamingThem() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response probe = rtsp.request("OPTIONS", url("/demo"), 1, "Require: funky-feature");
            assertEquals(551, probe.status());
            assertEquals("1", probe.header("CSeq"));
            assertEquals("funky-feature", probe.header("Unsupported"));

            RawRtsp.Response setup = rtsp.request("SETUP", url("/demo/trackID=0"), 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1", "Require: play.basic, x-a",
                    "Proxy-Require: x-b");
            assertEquals(551, setup.status());
            assertEquals("play.basic, x-a, x-b", setup.header("Unsupported"), "every tag, the proxies' too");
            assertEquals(null, setup.header("Session"), "nothing was set up");

            RawRtsp.Response malformed = rtsp.request("OPTIONS", url("/demo"), 3, "Require: two words");
            assertEquals(400, malformed.status(), "an option tag is a token");
            assertEquals(null, malformed.header("Unsupported"));

            RawRtsp.Response after = rtsp.request("DESCRIBE", url("/demo"), 4, "Accept: application/sdp");
            assertEquals(200, after.status(), "the connection goes on");
            assertEquals("4", after.header("CSeq"));
        }
    }

    /** RFC 2326 §11.3.6: 455 says, in Allow, what the session may do in its state. */
    @Test
    void aMethodNotValidInTheSessionsStateGets455WithWhatIsAllowed() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupFirst(rtsp, url("/vod/clip.mp4"));
            RawRtsp.Response again = rtsp.request("SETUP", url("/vod/clip.mp4/trackID=0"), 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1", "Session: " + id);
            assertEquals(455, again.status(), "the track is set up already");
            assertEquals("OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER",
                    again.header("Allow"));

            RawRtsp.Response play = rtsp.request("PLAY", url("/vod/clip.mp4/"), 3, "Session: " + id);
            assertEquals(200, play.status(), play.body());
            RawRtsp.Response more = rtsp.request("SETUP", url("/vod/clip.mp4/trackID=1"), 4,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=2-3", "Session: " + id);
            assertEquals(455, more.status(), "no track is added while playing");
            assertEquals("OPTIONS, DESCRIBE, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER", more.header("Allow"),
                    "no SETUP while playing");
            assertEquals(200, rtsp.request("TEARDOWN", url("/vod/clip.mp4/"), 5, "Session: " + id).status());
        }
    }

    /** Content-Base and the control URLs under it keep the IPv6 literal and the port the client used. */
    @Test
    void controlUrlsWorkForAnIpv6LiteralAndEveryPort() throws IOException {
        try (RawRtsp rtsp = RawRtsp.to("::1", tributary.rtspPort())) {
            String base = "rtsp://[::1]:" + tributary.rtspPort() + "/vod/clip.mp4";
            RawRtsp.Response describe = rtsp.request("DESCRIBE", base, 1, "Accept: application/sdp");
            assertEquals(200, describe.status(), describe.body());
            assertEquals(base + "/", describe.header("Content-Base"));
            RawRtsp.Response setup = rtsp.request("SETUP", describe.header("Content-Base") + "trackID=0", 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status(), setup.body());
            String id = setup.header("Session").split(";")[0];
            RawRtsp.Response play = rtsp.request("PLAY", describe.header("Content-Base"), 3, "Session: " + id);
            assertEquals(200, play.status(), play.body());
            assertTrue(play.header("RTP-Info").startsWith("url=" + base + "/trackID=0;"), play.header("RTP-Info"));
            assertEquals(200, rtsp.request("TEARDOWN", base + "/", 4, "Session: " + id).status());
        }
    }

    @Test
    void describeGivesSdpWithControlsCodecParametersAndContentBase() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("DESCRIBE", url("/demo"), 2, "Accept: application/sdp");
            assertEquals(200, r.status());
            assertEquals("application/sdp", r.header("Content-Type"));
            assertEquals(url("/demo/"), r.header("Content-Base"));
            String sdp = r.body();
            assertTrue(sdp.startsWith("v=0\r\n"), sdp);
            assertTrue(sdp.contains("a=range:npt=0-\r\n"), "looping demo is open-ended: " + sdp);
            assertTrue(sdp.contains("m=video 0 RTP/AVP 96\r\n"), sdp);
            assertTrue(sdp.contains("a=rtpmap:96 H264/90000\r\n"), sdp);
            assertTrue(Pattern.compile("a=fmtp:96 .*packetization-mode=1").matcher(sdp).find(), sdp);
            assertTrue(Pattern.compile("a=fmtp:96 .*profile-level-id=4d[0-9a-f]{4}", Pattern.CASE_INSENSITIVE)
                    .matcher(sdp).find(), sdp);
            assertTrue(Pattern.compile("a=fmtp:96 .*sprop-parameter-sets=Z[A-Za-z0-9+/=]+,aO[A-Za-z0-9+/=]+")
                    .matcher(sdp).find(), sdp);
            assertTrue(sdp.contains("a=control:trackID=0\r\n"), sdp);
            assertTrue(sdp.contains("m=audio 0 RTP/AVP 97\r\n"), sdp);
            assertTrue(sdp.contains("a=rtpmap:97 MPEG4-GENERIC/48000/2\r\n"), sdp);
            assertTrue(Pattern.compile("a=fmtp:97 .*mode=AAC-hbr.*sizelength=13;indexlength=3;indexdeltalength=3")
                    .matcher(sdp).find(), sdp);
            assertTrue(sdp.contains("a=control:trackID=1\r\n"), sdp);
        }
    }

    @Test
    void describeOfAFileGivesItsDuration() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("DESCRIBE", url("/vod/clip.mp4"), 1);
            assertEquals(200, r.status());
            assertTrue(Pattern.compile("a=range:npt=0-10\\.0\\d\\d\r\n").matcher(r.body()).find(), r.body());
        }
    }

    @Test
    void playPausePlayTeardownOverInterleavedTcp() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = rtsp.request("SETUP", url("/demo/trackID=0"), 3,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status(), setup.body());
            Matcher session = SESSION.matcher(setup.header("Session"));
            assertTrue(session.matches(), setup.header("Session"));
            String id = session.group(1);
            assertTrue(setup.header("Transport").startsWith("RTP/AVP/TCP;unicast;interleaved=0-1;ssrc="),
                    setup.header("Transport"));
            RawRtsp.Response setup2 = rtsp.request("SETUP", url("/demo/trackID=1"), 4,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=2-3", "Session: " + id);
            assertEquals(200, setup2.status(), setup2.body());
            assertTrue(setup2.header("Transport").contains("interleaved=2-3"), setup2.header("Transport"));

            RawRtsp.Response play = rtsp.request("PLAY", url("/demo/"), 5, "Session: " + id, "Range: npt=0.000-");
            assertEquals(200, play.status(), play.body());
            assertEquals(id, play.header("Session"));
            assertEquals("npt=0.000-", play.header("Range"));
            long[][] info = rtpInfo(play.header("RTP-Info"));
            List<RawRtsp.Frame> frames = rtsp.frames(1500);
            RawRtsp.Frame firstVideo = frames.stream().filter(f -> f.channel() == 0).findFirst().orElseThrow();
            RawRtsp.Frame firstAudio = frames.stream().filter(f -> f.channel() == 2).findFirst().orElseThrow();
            assertEquals(info[0][0], firstVideo.sequence(), "first video seq matches RTP-Info");
            assertEquals(info[1][0], firstAudio.sequence(), "first audio seq matches RTP-Info");
            assertEquals(96, firstVideo.payloadType());
            assertEquals(97, firstAudio.payloadType());
            long videoOffset = (firstVideo.timestamp() - info[0][1]) & 0xffffffffL;
            assertTrue(videoOffset < 9000, "first video timestamp within 0.1 s of rtptime: " + videoOffset);
            assertEquals(info[1][1], firstAudio.timestamp(), "first audio timestamp is the RTP-Info rtptime");
            long videoPackets = frames.stream().filter(f -> f.channel() == 0).count();
            assertTrue(videoPackets > 20, "video packets in 1.5 s: " + videoPackets);

            RawRtsp.Response pause = rtsp.request("PAUSE", url("/demo/"), 6, "Session: " + id);
            assertEquals(200, pause.status());
            Matcher paused = NPT_OPEN.matcher(pause.header("Range"));
            assertTrue(paused.matches(), pause.header("Range"));
            double pausedAt = Double.parseDouble(paused.group(1));
            assertTrue(pausedAt > 1.0 && pausedAt < 3.0, "paused at " + pausedAt);
            List<RawRtsp.Frame> tail = rtsp.frames(300);
            int lastVideoSeq = tail.stream().filter(f -> f.channel() == 0).reduce((a, b) -> b)
                    .map(RawRtsp.Frame::sequence)
                    .orElse(frames.stream().filter(f -> f.channel() == 0).reduce((a, b) -> b).orElseThrow().sequence());
            assertTrue(rtsp.frames(700).stream().noneMatch(f -> f.channel() == 0 || f.channel() == 2),
                    "no media while paused");

            RawRtsp.Response resume = rtsp.request("PLAY", url("/demo/"), 7, "Session: " + id);
            assertEquals(200, resume.status());
            Matcher resumed = NPT_OPEN.matcher(resume.header("Range"));
            assertTrue(resumed.matches(), resume.header("Range"));
            assertEquals(pausedAt, Double.parseDouble(resumed.group(1)), 0.05, "resumes where it paused");
            long[][] resumeInfo = rtpInfo(resume.header("RTP-Info"));
            assertEquals((lastVideoSeq + 1) & 0xffff, resumeInfo[0][0], "sequence numbers continue");
            assertFalse(rtsp.frames(500).isEmpty(), "media flows again");

            RawRtsp.Response teardown = rtsp.request("TEARDOWN", url("/demo/"), 8, "Session: " + id);
            assertEquals(200, teardown.status());
            RawRtsp.Response after = rtsp.request("PLAY", url("/demo/"), 9, "Session: " + id);
            assertEquals(454, after.status(), "the session is gone after TEARDOWN");
        }
    }

    @Test
    void playWithRangeSeeksToTheKeyframeAndReportsTheRange() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupBoth(rtsp, url("/vod/clip.mp4"));
            RawRtsp.Response play = rtsp.request("PLAY", url("/vod/clip.mp4/"), 10, "Session: " + id,
                    "Range: npt=5.2-");
            assertEquals(200, play.status(), play.body());
            assertTrue(play.header("Range").matches("npt=5\\.000-10\\.0\\d\\d"), play.header("Range"));
            long[][] info = rtpInfo(play.header("RTP-Info"));
            RawRtsp.Frame first = rtsp.frames(500).stream().filter(f -> f.channel() == 0).findFirst().orElseThrow();
            assertEquals(info[0][0], first.sequence());
            assertEquals(info[0][1], first.timestamp(), "seek starts on the keyframe at 5 s");
            RawRtsp.Response beyond = rtsp.request("PLAY", url("/vod/clip.mp4/"), 11, "Session: " + id,
                    "Range: npt=100-");
            assertEquals(457, beyond.status());
            RawRtsp.Response clock = rtsp.request("PLAY", url("/vod/clip.mp4/"), 12, "Session: " + id,
                    "Range: clock=20261124T101500Z-");
            assertEquals(457, clock.status());
        }
    }

    @Test
    void endOfFileEndsTheStreamWithRtcpBye() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupBoth(rtsp, url("/vod/clip.mp4"));
            RawRtsp.Response play = rtsp.request("PLAY", url("/vod/clip.mp4/"), 10, "Session: " + id,
                    "Range: npt=9.0-");
            assertEquals(200, play.status());
            List<RawRtsp.Frame> frames = rtsp.frames(2500);
            assertTrue(frames.stream().anyMatch(f -> f.channel() == 1 && containsBye(f.data())),
                    "RTCP BYE on the video RTCP channel");
            assertTrue(rtsp.frames(500).isEmpty(), "nothing after the end");
        }
    }

    private static boolean containsBye(byte[] compound) {
        int offset = 0;
        while (offset + 4 <= compound.length) {
            if ((compound[offset + 1] & 0xff) == 203) {
                return true;
            }
            offset += 4 * ((((compound[offset + 2] & 0xff) << 8) | (compound[offset + 3] & 0xff)) + 1);
        }
        return false;
    }

    /** SETUP of track 0 over TCP (CSeq 1); returns the session id. */
    private static String setupFirst(RawRtsp rtsp, String base) throws IOException {
        RawRtsp.Response setup = rtsp.request("SETUP", base + "/trackID=0", 1,
                "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
        assertEquals(200, setup.status(), setup.body());
        return setup.header("Session").split(";")[0];
    }

    private static String setupBoth(RawRtsp rtsp, String base) throws IOException {
        String id = setupFirst(rtsp, base);
        assertEquals(200, rtsp.request("SETUP", base + "/trackID=1", 2,
                "Transport: RTP/AVP/TCP;unicast;interleaved=2-3", "Session: " + id).status());
        return id;
    }

    /** [track][0 = seq, 1 = rtptime] from an RTP-Info header. */
    private static long[][] rtpInfo(String header) {
        assertNotNull(header, "RTP-Info");
        String[] entries = header.split(",");
        long[][] result = new long[entries.length][2];
        for (String entry : entries) {
            Matcher m = RTP_INFO.matcher(entry.trim());
            assertTrue(m.matches(), entry);
            int track = Integer.parseInt(m.group(2));
            result[track][0] = Long.parseLong(m.group(3));
            result[track][1] = Long.parseLong(m.group(4));
        }
        return result;
    }

    // Bad input: each gets its precise status, and the server keeps serving others.

    @Test
    void badInputGetsPreciseStatusesAndOthersAreStillServed() throws IOException {
        try (RawRtsp other = new RawRtsp(tributary.rtspPort())) {
            try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
                assertEquals(404, rtsp.request("DESCRIBE", url("/no/such/path"), 1).status());
                assertEquals(454, rtsp.request("PLAY", url("/demo/"), 2, "Session: 0123456789abcdef").status());
                assertEquals(501, rtsp.request("FROBNICATE", url("/demo"), 3).status());
                assertEquals(406, rtsp.request("DESCRIBE", url("/demo"), 4, "Accept: text/html").status());
                assertEquals(461, rtsp.request("SETUP", url("/demo/trackID=0"), 5,
                        "Transport: RTP/FOO/UDP;unicast;client_port=5000-5001").status());
                assertEquals(403, rtsp.request("SETUP", url("/demo/trackID=0"), 6,
                        "Transport: RTP/AVP;unicast;destination=192.0.2.1;client_port=5000-5001").status());
                assertEquals(459, rtsp.request("SETUP", url("/demo"), 7,
                        "Transport: RTP/AVP/TCP;unicast;interleaved=0-1").status());
                rtsp.send("SET_PARAMETER " + url("/demo") + " RTSP/1.0\r\nCSeq: 8\r\n"
                        + "Content-Type: text/parameters\r\nContent-Length: 9\r\n\r\nfoo: bar\n");
                assertEquals(451, rtsp.read().status(), "unknown parameter");
            }
            try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
                rtsp.send("OPTIONS * RTSP/1.0\r\nUser-Agent: no-cseq\r\n\r\n");
                assertEquals(400, rtsp.read().status(), "missing CSeq");
                rtsp.send("OPTIONS * RTSP/3.0\r\nCSeq: 2\r\n\r\n");
                RawRtsp.Response version = rtsp.read();
                assertEquals(505, version.status());
                assertEquals("2", version.header("CSeq"));
                rtsp.send("this is not rtsp\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 3\r\n\r\n");
                assertEquals(400, rtsp.read().status(), "garbage line");
                RawRtsp.Response recovered = rtsp.read();
                assertEquals(200, recovered.status(), "the connection resynchronises on the next request");
                assertEquals("3", recovered.header("CSeq"));
            }
            try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
                rtsp.send("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\n");
                assertEquals(431, rtsp.read().status(), "over-long header");
                assertTrue(rtsp.closedByServer(2000), "connection closed after a fatal limit");
            }
            try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
                rtsp.sendBytes(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc});
                rtsp.sendBytes(new byte[9000]);
                assertTrue(rtsp.closedByServer(3000), "binary junk closes the connection");
            }
            assertEquals(200, other.request("OPTIONS", "*", 1).status(), "another client is still served");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtsp.send("DESCRIBE " + url("/demo") + " RTSP/1.0\r\nCSeq: 1\r\n\r\n"
                    + "OPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n"
                    + "DESCRIBE " + url("/nothing") + " RTSP/1.0\r\nCSeq: 3\r\n\r\n"
                    + "GET_PARAMETER " + url("/demo") + " RTSP/1.0\r\nCSeq: 4\r\nSession: stale\r\n\r\n");
            int[] expected = {200, 200, 404, 200};
            for (int i = 0; i < expected.length; i++) {
                RawRtsp.Response r = rtsp.read();
                assertEquals(Integer.toString(i + 1), r.header("CSeq"));
                assertEquals(expected[i], r.status(), "CSeq " + (i + 1));
            }
        }
    }

    @Test
    void requestSplitIntoSingleBytesIsUnderstood() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            byte[] request = "OPTIONS * RTSP/1.0\r\nCSeq: 42\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (byte b : request) {
                rtsp.sendBytes(new byte[] {b});
            }
            RawRtsp.Response r = rtsp.read();
            assertEquals(200, r.status());
            assertEquals("42", r.header("CSeq"));
        }
    }
}
