package io.tributary.conformance;

import static io.tributary.conformance.Requirement.Level.MUST;
import static io.tributary.conformance.Requirement.Level.SHOULD;
import static io.tributary.conformance.Requirement.Spec.CHECKLIST;
import static io.tributary.conformance.Requirement.Spec.RFC2326;
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

import io.tributary.itest.RawRtsp;
import io.tributary.itest.TributaryFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 2326 (RTSP 1.0), requirement by requirement, with a raw socket against one Tributary.
 * Real clients (ffmpeg, GStreamer) play the same exchanges in distribution/itest (InteropTest);
 * RtspConformanceTest there checks many of the same values in longer scenarios.
 */
@ExtendWith(ConformanceReport.class)
class Rfc2326Test {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static final Pattern RTP_INFO = Pattern.compile("url=(\\S+?/trackID=(\\d));seq=(\\d+);rtptime=(\\d+)");

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

    // 4. Message syntax and framing

    @Test
    @Requirement(spec = RFC2326, section = "4.1", level = SHOULD, text = "a bare LF (without CR) is accepted as a line end")
    @Requirement(spec = CHECKLIST, section = "Messages and connections", level = MUST,
            text = "header blocks end in CRLFCRLF; bare LF is accepted too")
    void bareLineFeedsEndLinesAsCrlfDoes() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtsp.send("OPTIONS * RTSP/1.0\nCSeq: 11\nUser-Agent: lf-only\n\n");
            RawRtsp.Response r = rtsp.read();
            assertEquals(200, r.status(), r.statusLine());
            assertEquals("11", r.header("CSeq"));
            rtsp.send("DESCRIBE " + url(CLIP) + " RTSP/1.0\r\nCSeq: 12\nAccept: application/sdp\r\n\n");
            RawRtsp.Response mixed = rtsp.read();
            assertEquals(200, mixed.status(), "CRLF and LF mixed in one request");
            assertEquals("12", mixed.header("CSeq"));
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "4.3", level = MUST,
            text = "Content-Length gives the body's length; the bytes after it are the next message")
    void contentLengthFramesTheBodyAndWhatFollowsIsTheNextRequest() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            // the body looks like a request: it must be taken as body, not parsed
            String body = "x: OPTIONS * RTSP/1.0\r\n\r\n";
            rtsp.send("SET_PARAMETER " + url(CLIP) + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: text/parameters\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body
                    + "OPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n");
            RawRtsp.Response set = rtsp.read();
            assertEquals("1", set.header("CSeq"));
            assertEquals(451, set.status(), "the body was read as a parameter");
            RawRtsp.Response options = rtsp.read();
            assertEquals("2", options.header("CSeq"));
            assertEquals(200, options.status());
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "4.3", level = MUST, text = "a message without Content-Length has no body")
    void aRequestWithoutContentLengthHasNoBody() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtsp.send("DESCRIBE " + url(CLIP) + " RTSP/1.0\r\nCSeq: 1\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n");
            assertEquals("1", rtsp.read().header("CSeq"));
            RawRtsp.Response options = rtsp.read();
            assertEquals("2", options.header("CSeq"), "the next request was not swallowed as a body");
            assertEquals(200, options.status());
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "12.14", level = MUST,
            text = "Content-Length is included in every message that carries a body")
    void responsesWithABodyCarryItsContentLength() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response describe = rtsp.request("DESCRIBE", url(CLIP), 1, "Accept: application/sdp");
            assertEquals(200, describe.status());
            assertNotNull(describe.header("Content-Length"));
            assertEquals(describe.body().getBytes(StandardCharsets.UTF_8).length,
                    Integer.parseInt(describe.header("Content-Length")));
            assertTrue(describe.body().length() > 50, describe.body());
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "4.2", level = MUST,
            text = "header field names are case-insensitive (as in HTTP/1.1 §4.2)")
    void headerNamesAreCaseInsensitive() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtsp.send("SETUP " + url(CLIP + "/trackID=0") + " RTSP/1.0\r\ncseq: 5\r\n"
                    + "TRANSPORT: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
            RawRtsp.Response setup = rtsp.read();
            assertEquals("5", setup.header("CSeq"));
            String id = session(setup);
            rtsp.send("PLAY " + url(CLIP + "/") + " RTSP/1.0\r\nCSEQ: 6\r\nsEsSiOn: " + id + "\r\n\r\n");
            RawRtsp.Response play = rtsp.read();
            assertEquals("6", play.header("CSeq"));
            assertEquals(200, play.status(), play.body());
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "12.17", level = MUST,
            text = "every response carries the CSeq of its request")
    void everyResponseCarriesItsRequestsCseq() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals("314", rtsp.request("OPTIONS", "*", 314).header("CSeq"));
            assertEquals("2718", rtsp.request("DESCRIBE", url(CLIP), 2718).header("CSeq"));
            RawRtsp.Response missing = rtsp.request("DESCRIBE", url("/no/such/file"), 7);
            assertEquals(404, missing.status());
            assertEquals("7", missing.header("CSeq"), "errors too");
            assertEquals("0", rtsp.request("OPTIONS", "*", 0).header("CSeq"));
            assertEquals("999999999", rtsp.request("FROBNICATE", url(CLIP), 999999999).header("CSeq"));
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "9.1", level = MUST,
            text = "responses to pipelined requests are sent in the order the requests were received")
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            // a slow request (DESCRIBE opens the file) before quick ones
            rtsp.send("DESCRIBE " + url(CLIP) + " RTSP/1.0\r\nCSeq: 1\r\n\r\n"
                    + "OPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n"
                    + "SETUP " + url(CLIP + "/trackID=0") + " RTSP/1.0\r\nCSeq: 3\r\n" + TCP_VIDEO + "\r\n\r\n"
                    + "DESCRIBE " + url("/nothing/here") + " RTSP/1.0\r\nCSeq: 4\r\n\r\n"
                    + "GET_PARAMETER * RTSP/1.0\r\nCSeq: 5\r\n\r\n");
            int[] statuses = {200, 200, 200, 404, 200};
            for (int i = 0; i < statuses.length; i++) {
                RawRtsp.Response r = rtsp.read();
                assertEquals(Integer.toString(i + 1), r.header("CSeq"), "response " + (i + 1));
                assertEquals(statuses[i], r.status(), "CSeq " + (i + 1));
            }
        }
    }

    // 6, 7: methods and versions

    @Test
    @Requirement(spec = RFC2326, section = "7.1.1 (H10.5.2)", level = SHOULD,
            text = "a method the server does not recognise gets 501 Not Implemented")
    void anUnknownMethodGets501() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("FROBNICATE", url(CLIP), 1);
            assertEquals(501, r.status());
            assertEquals(200, rtsp.request("OPTIONS", "*", 2).status(), "the connection goes on");
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "7.1.1 (H10.5.6)", level = SHOULD,
            text = "a request of an RTSP version the server does not speak gets 505")
    void otherVersionsGet505() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            for (String version : List.of("RTSP/3.0", "RTSP/1.1", "RTSP/0.9")) {
                rtsp.send("OPTIONS * " + version + "\r\nCSeq: 4\r\n\r\n");
                RawRtsp.Response r = rtsp.read();
                assertEquals(505, r.status(), version);
                assertEquals("4", r.header("CSeq"));
            }
            assertEquals(200, rtsp.request("OPTIONS", "*", 5).status());
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "10.1", level = SHOULD,
            text = "OPTIONS lists in Public the methods the server supports, for * and for a URL")
    void optionsPublicListsTheMethodsAndEachOfThemIsImplemented() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response star = rtsp.request("OPTIONS", "*", 1);
            RawRtsp.Response path = rtsp.request("OPTIONS", url(CLIP), 2);
            assertEquals(200, star.status());
            assertEquals(200, path.status());
            List<String> methods = List.of(star.header("Public").split(",\\s*"));
            assertEquals(List.of("OPTIONS", "DESCRIBE", "SETUP", "PLAY", "PAUSE", "TEARDOWN", "ANNOUNCE", "RECORD",
                    "GET_PARAMETER", "SET_PARAMETER"), methods);
            int cseq = 3;
            for (String method : methods) {
                assertNotEquals(501, rtsp.request(method, url(CLIP), cseq++).status(), method + " is listed");
            }
        }
    }

    // 10.2 DESCRIBE

    @Test
    @Requirement(spec = RFC2326, section = "10.2", level = MUST,
            text = "the DESCRIBE reply contains all media initialization information (SDP rtpmap/fmtp per stream)")
    void describeGivesEveryStreamsInitialisationParameters() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("DESCRIBE", url(CLIP), 1, "Accept: application/sdp");
            assertEquals(200, r.status());
            assertEquals("application/sdp", r.header("Content-Type"));
            String sdp = r.body();
            assertTrue(sdp.startsWith("v=0\r\n"), sdp);
            assertTrue(sdp.contains("m=video 0 RTP/AVP 96\r\n") && sdp.contains("a=rtpmap:96 H264/90000\r\n"), sdp);
            assertTrue(Pattern.compile("a=fmtp:96 .*sprop-parameter-sets=").matcher(sdp).find(), sdp);
            assertTrue(sdp.contains("m=audio 0 RTP/AVP 97\r\n") && sdp.contains("a=rtpmap:97 MPEG4-GENERIC/48000/2\r\n"), sdp);
            assertTrue(Pattern.compile("a=fmtp:97 .*config=[0-9A-Fa-f]+").matcher(sdp).find(), sdp);
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "C.1.1", level = SHOULD,
            text = "a=control URLs are relative to Content-Base; SETUP with the resolved URL works")
    void controlUrlsResolveAgainstContentBase() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("DESCRIBE", url(CLIP), 1);
            String base = r.header("Content-Base");
            assertEquals(url(CLIP + "/"), base);
            Matcher control = Pattern.compile("a=control:(\\S+)\r\n").matcher(r.body().substring(r.body().indexOf("m=video")));
            assertTrue(control.find(), r.body());
            String resolved = java.net.URI.create(base).resolve(control.group(1)).toString();
            assertEquals(200, rtsp.request("SETUP", resolved, 2, TCP_VIDEO).status(), resolved);
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "12.1 (H14.1, H10.4.7)", level = SHOULD,
            text = "when no description type in Accept can be given, DESCRIBE gets 406 Not Acceptable")
    void describeWithAnImpossibleAcceptGets406() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(406, rtsp.request("DESCRIBE", url(CLIP), 1, "Accept: text/html").status());
            assertEquals(200, rtsp.request("DESCRIBE", url(CLIP), 2, "Accept: text/html, application/sdp").status(),
                    "one acceptable type is enough");
            assertEquals(200, rtsp.request("DESCRIBE", url(CLIP), 3, "Accept: application/*").status());
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "7.1.1 (H10.4.5)", level = MUST, text = "an unknown resource gets 404")
    void anUnknownPathGets404() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(404, rtsp.request("DESCRIBE", url("/vod/no-such-file.mp4"), 1).status());
            assertEquals(404, rtsp.request("SETUP", url("/vod/no-such-file.mp4/trackID=0"), 2, TCP_VIDEO).status());
        }
    }

    // 10.4 SETUP, 12.39 Transport, 12.37 Session

    @Test
    @Requirement(spec = RFC2326, section = "12.39", level = MUST,
            text = "the SETUP reply's Transport names the chosen transport: client_port echoed, server_port pair")
    void setupOverUdpAnswersTheChosenTransportWithServerPorts() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1,
                    "Transport: RTP/AVP;unicast;client_port=40000-40001");
            assertEquals(200, r.status(), r.body());
            String transport = r.header("Transport");
            assertTrue(transport.startsWith("RTP/AVP;unicast;") || transport.startsWith("RTP/AVP/UDP;unicast;"), transport);
            assertTrue(transport.contains("client_port=40000-40001"), transport);
            Matcher ports = Pattern.compile("server_port=(\\d+)-(\\d+)").matcher(transport);
            assertTrue(ports.find(), transport);
            int rtp = Integer.parseInt(ports.group(1));
            assertEquals(rtp + 1, Integer.parseInt(ports.group(2)));
            assertEquals(0, rtp % 2, "RTP on an even port");
            rtsp.request("TEARDOWN", url(CLIP + "/"), 2, "Session: " + session(r));
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "12.39", level = MUST,
            text = "of the alternatives listed in Transport, the server picks one it supports")
    void theFirstSupportedTransportOfTheListIsChosen() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1,
                    "Transport: RTP/FOO/UDP;unicast;client_port=40000-40001, RTP/AVP/TCP;unicast;interleaved=4-5,"
                            + " RTP/AVP;unicast;client_port=40002-40003");
            assertEquals(200, r.status(), r.body());
            assertTrue(r.header("Transport").startsWith("RTP/AVP/TCP;unicast;interleaved=4-5"), r.header("Transport"));
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "11.3.12", level = MUST,
            text = "461 Unsupported Transport when no transport in the list can be used")
    void noUsableTransportGets461() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1,
                    "Transport: RTP/FOO/UDP;unicast;client_port=40000-40001, RAW/RAW/UDP;unicast");
            assertEquals(461, r.status());
            assertNull(r.header("Session"), "nothing was set up");
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "3.4", level = MUST,
            text = "session ids are chosen randomly and are at least eight octets long")
    void sessionIdsAreRandomAndAtLeastEightOctets() throws IOException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            for (int i = 1; i <= 5; i++) {
                String id = session(rtsp.request("SETUP", url(CLIP + "/trackID=0"), i,
                        "Transport: RTP/AVP/TCP;unicast;interleaved=" + 2 * i + "-" + (2 * i + 1)));
                assertTrue(id.length() >= 8, id);
                assertTrue(id.matches("[A-Za-z0-9$\\-_.+]+"), "session-id = 1*(ALPHA | DIGIT | safe): " + id);
                ids.add(id);
            }
        }
        assertEquals(5, ids.size(), "five sessions, five ids: " + ids);
    }

    @Test
    @Requirement(spec = RFC2326, section = "12.37", level = MUST,
            text = "a SETUP with the Session of an existing session adds the stream to that session")
    void aSecondSetupWithTheSessionAddsToIt() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            RawRtsp.Response audio = rtsp.request("SETUP", url(CLIP + "/trackID=1"), 2, TCP_AUDIO, "Session: " + id);
            assertEquals(id, session(audio));
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "/"), 3, "Session: " + id);
            assertEquals(200, play.status());
            assertEquals(2, play.header("RTP-Info").split(",").length, "both streams play: " + play.header("RTP-Info"));
        }
    }

    // 10.5 PLAY, 12.29 Range, 12.33 RTP-Info, 3.5-3.7 time formats

    @Test
    @Requirement(spec = RFC2326, section = "10.5", level = MUST,
            text = "PLAY without Range (never paused) plays from the beginning; the reply says the range")
    void playWithoutRangeStartsAtTheBeginning() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id);
            assertEquals(200, play.status());
            assertTrue(play.header("Range").matches("npt=0(\\.0+)?-(10\\.\\d+)?"), play.header("Range"));
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "12.33", level = MUST,
            text = "RTP-Info gives per stream its url, the seq of its first packet and the rtptime of the Range start")
    void rtpInfoNamesTheFirstPacketOfEachStream() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            rtsp.request("SETUP", url(CLIP + "/trackID=1"), 2, TCP_AUDIO, "Session: " + id);
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "/"), 3, "Session: " + id, "Range: npt=2-");
            assertEquals(200, play.status());
            long[][] info = new long[2][];
            for (String entry : play.header("RTP-Info").split(",")) {
                Matcher m = RTP_INFO.matcher(entry.trim());
                assertTrue(m.matches(), entry);
                info[Integer.parseInt(m.group(2))] = new long[] {Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
            }
            RawRtsp.Frame video = rtsp.nextFrame(0, 3000);
            RawRtsp.Frame audio = rtsp.nextFrame(2, 3000);
            assertNotNull(video);
            assertNotNull(audio);
            assertEquals(info[0][0], video.sequence(), "video seq");
            assertEquals(info[0][1], video.timestamp(), "video rtptime");
            assertEquals(info[1][0], audio.sequence(), "audio seq");
            long early = (info[1][1] - audio.timestamp()) & 0xffffffffL;
            assertTrue(early <= 1024, "audio starts within one AAC frame of the Range start: " + early);
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "3.6, 12.29", level = MUST,
            text = "an npt Range seeks; the reply's Range says what is actually played")
    void anNptRangeSeeksAndTheReplySaysWhereItStarted() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id, "Range: npt=5.2-");
            assertEquals(200, play.status());
            assertTrue(play.header("Range").matches("npt=5\\.0+-10\\.\\d+"), "from the keyframe at 5 s: " + play.header("Range"));
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "3.5, 12.29", level = SHOULD,
            text = "an SMPTE Range is understood and answered in SMPTE time code")
    void anSmpteRangeIsAnsweredInSmpte() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id,
                    "Range: smpte-25=0:00:05:05-");
            assertEquals(200, play.status());
            assertTrue(play.header("Range").startsWith("smpte-25=0:00:05:00-"), play.header("Range"));
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "3.7, 12.29", level = SHOULD,
            text = "an absolute (clock) Range is understood and answered in clock time")
    void aClockRangeIsAnsweredInClockTime() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id,
                    "Range: clock=20261124T101505.2Z-");
            assertEquals(200, play.status());
            assertTrue(play.header("Range").startsWith("clock=20261124T101505Z-"), play.header("Range"));
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "12.34", level = MUST,
            text = "a reply to a request with Scale carries the scale actually used")
    void aScaleRequestIsAnsweredWithTheScaleUsed() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            RawRtsp.Response play = rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id, "Scale: 2.0");
            assertEquals(200, play.status());
            assertNotNull(play.header("Scale"));
            assertEquals(2.0, Double.parseDouble(play.header("Scale")), 1e-9, "fast-forward is supported: " + play.header("Scale"));
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "10.6", level = MUST,
            text = "PAUSE halts delivery at once and keeps the session's resources")
    void pauseStopsTheStreamAndKeepsTheSession() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id).status());
            assertNotNull(rtsp.nextFrame(0, 3000));
            RawRtsp.Response pause = rtsp.request("PAUSE", url(CLIP + "/"), 3, "Session: " + id);
            assertEquals(200, pause.status());
            rtsp.frames(200); // what was on the way before the reply
            assertTrue(rtsp.frames(800).stream().noneMatch(f -> f.channel() == 0), "no RTP while paused");
            assertEquals(200, rtsp.request("GET_PARAMETER", url(CLIP + "/"), 4, "Session: " + id).status(),
                    "the session lives on");
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "10.5", level = MUST,
            text = "PLAY without Range after PAUSE resumes at the pause point")
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "PLAY without Range resumes from the pause point; sequence numbers continue")
    void playAfterPauseResumesWhereItPaused() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id, "Range: npt=3-").status());
            rtsp.frames(1000);
            RawRtsp.Response pause = rtsp.request("PAUSE", url(CLIP + "/"), 3, "Session: " + id);
            Matcher at = Pattern.compile("npt=(\\d+\\.\\d+)-.*").matcher(pause.header("Range"));
            assertTrue(at.matches(), pause.header("Range"));
            double pausedAt = Double.parseDouble(at.group(1));
            assertTrue(pausedAt > 3.5 && pausedAt < 5.5, "paused about 1 s after npt 3: " + pausedAt);
            List<RawRtsp.Frame> tail = rtsp.frames(300);
            RawRtsp.Response resume = rtsp.request("PLAY", url(CLIP + "/"), 4, "Session: " + id);
            assertEquals(200, resume.status());
            Matcher from = Pattern.compile("npt=(\\d+\\.\\d+)-.*").matcher(resume.header("Range"));
            assertTrue(from.matches(), resume.header("Range"));
            assertEquals(pausedAt, Double.parseDouble(from.group(1)), 0.05, "resumed at the pause point");
            RawRtsp.Frame next = rtsp.nextFrame(0, 3000);
            assertNotNull(next);
            if (!tail.isEmpty()) {
                int last = tail.stream().filter(f -> f.channel() == 0).reduce((a, b) -> b).map(RawRtsp.Frame::sequence).orElse(-1);
                if (last >= 0) {
                    assertEquals((last + 1) & 0xffff, next.sequence(), "sequence numbers continue");
                }
            }
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "10.7", level = MUST,
            text = "TEARDOWN stops delivery and frees the session: its id is unknown afterwards")
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST,
            text = "TEARDOWN frees the session at once; afterwards the id gets 454")
    void teardownFreesTheSession() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id).status());
            RawRtsp.Response teardown = rtsp.request("TEARDOWN", url(CLIP + "/"), 3, "Session: " + id);
            assertEquals(200, teardown.status());
            rtsp.frames(300);
            assertTrue(rtsp.frames(500).stream().noneMatch(f -> f.channel() == 0), "no RTP after TEARDOWN");
            assertEquals(454, rtsp.request("PLAY", url(CLIP + "/"), 4, "Session: " + id).status());
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "10.8", level = SHOULD,
            text = "GET_PARAMETER without a body is a liveness ping: 200")
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST, text = "GET_PARAMETER with an empty body is a keep-alive: 200")
    void getParameterWithoutBodyIsAPing() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            RawRtsp.Response r = rtsp.request("GET_PARAMETER", url(CLIP + "/"), 2, "Session: " + id);
            assertEquals(200, r.status());
            assertEquals(id, r.header("Session").split(";")[0]);
            assertEquals(200, rtsp.request("GET_PARAMETER", "*", 3).status(), "without a session too");
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "10.9, 11.3.2", level = SHOULD,
            text = "SET_PARAMETER of a parameter the server does not know gets 451 Parameter Not Understood")
    @Requirement(spec = CHECKLIST, section = "Methods", level = MUST, text = "SET_PARAMETER unsupported -> 451")
    void setParameterOfAnUnknownParameterGets451() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            String body = "barparam: barstuff\r\n";
            rtsp.send("SET_PARAMETER " + url(CLIP + "/") + " RTSP/1.0\r\nCSeq: 2\r\nSession: " + id
                    + "\r\nContent-Type: text/parameters\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            assertEquals(451, rtsp.read().status());
        }
    }

    // 10.3 ANNOUNCE, 10.11 RECORD

    @Test
    @Requirement(spec = RFC2326, section = "10.3, 10.11", level = MUST,
            text = "ANNOUNCE with an SDP, SETUP mode=record and RECORD publish a stream that others can DESCRIBE")
    void announceSetupRecordPublishes() throws IOException {
        String sdp;
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            sdp = rtsp.request("DESCRIBE", url(CLIP), 1).body();
        }
        String path = url("/live/announced");
        try (RawRtsp publisher = new RawRtsp(tributary.rtspPort())) {
            publisher.send("ANNOUNCE " + path + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: application/sdp\r\n"
                    + "Content-Length: " + sdp.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + sdp);
            RawRtsp.Response announce = publisher.read();
            assertEquals(200, announce.status(), announce.body());
            RawRtsp.Response setup = publisher.request("SETUP", path + "/trackID=0", 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record");
            String id = session(setup);
            assertEquals(200, publisher.request("SETUP", path + "/trackID=1", 3,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=2-3;mode=record", "Session: " + id).status());
            assertEquals(200, publisher.request("RECORD", path, 4, "Session: " + id).status());
            try (RawRtsp reader = new RawRtsp(tributary.rtspPort())) {
                RawRtsp.Response described = reader.request("DESCRIBE", path, 1);
                assertEquals(200, described.status());
                assertTrue(described.body().contains("a=rtpmap:96 H264/90000"), described.body());
            }
            assertEquals(200, publisher.request("TEARDOWN", path, 5, "Session: " + id).status());
        }
    }

    // 11.3 status codes

    @Test
    @Requirement(spec = RFC2326, section = "11.3.1", level = MUST,
            text = "a method not indicated in SETUP (RECORD on a session set up to play) gets 405 with Allow")
    void recordOnASessionSetUpToPlayGets405WithAllow() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            RawRtsp.Response record = rtsp.request("RECORD", url(CLIP + "/"), 2, "Session: " + id);
            assertEquals(405, record.status(), record.statusLine() + " " + record.body());
            assertNotNull(record.header("Allow"), "405 carries Allow");
            assertFalse(record.header("Allow").contains("RECORD"), record.header("Allow"));
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "11.3.5", level = MUST, text = "a request naming an unknown session gets 454")
    void anUnknownSessionGets454() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            for (String method : List.of("PLAY", "PAUSE", "TEARDOWN")) {
                assertEquals(454, rtsp.request(method, url(CLIP + "/"), 1, "Session: 0123456789ABCDEF0123456789ABCDEF")
                        .status(), method);
            }
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "11.3.6", level = MUST,
            text = "455 Method Not Valid in This State carries Allow with the methods valid now")
    void aMethodInvalidInTheStateGets455WithAllow() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id).status());
            RawRtsp.Response r = rtsp.request("SETUP", url(CLIP + "/trackID=1"), 3, TCP_AUDIO, "Session: " + id);
            assertEquals(455, r.status(), "no stream is added while playing");
            List<String> allow = List.of(r.header("Allow").split(",\\s*"));
            assertFalse(allow.contains("SETUP"), "SETUP is what was refused: " + allow);
            assertTrue(allow.contains("PAUSE") && allow.contains("TEARDOWN"), allow.toString());
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "11.3.8", level = MUST,
            text = "a Range out of the presentation's bounds gets 457 Invalid Range")
    void aRangeBeyondTheEndGets457() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            assertEquals(457, rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id, "Range: npt=100-").status());
            assertEquals(457, rtsp.request("PLAY", url(CLIP + "/"), 3, "Session: " + id,
                    "Range: clock=20261124T101400Z-").status(), "before the recording began");
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 4, "Session: " + id, "Range: npt=1-").status(),
                    "the session is still usable");
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "11.3.10", level = MUST,
            text = "SETUP on the aggregate (presentation) URL gets 459 Aggregate Operation Not Allowed")
    void setupOfTheAggregateUrlGets459() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(459, rtsp.request("SETUP", url(CLIP), 1, TCP_VIDEO).status());
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "11.3.14, 12.32", level = MUST,
            text = "a Require tag the server does not support gets 551, listing it in Unsupported")
    void anUnsupportedRequireGets551ListingIt() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response r = rtsp.request("DESCRIBE", url(CLIP), 1, "Require: com.example.funky");
            assertEquals(551, r.status());
            assertEquals("com.example.funky", r.header("Unsupported"));
        }
    }

    // 10.12 interleaved data

    @Test
    @Requirement(spec = RFC2326, section = "10.12", level = MUST,
            text = "over TCP, RTP and RTCP arrive as $-frames on the channels the Transport's interleaved named")
    void interleavedMediaUsesTheNegotiatedChannels() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = session(rtsp.request("SETUP", url(CLIP + "/trackID=0"), 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=6-7"));
            assertEquals(200, rtsp.request("PLAY", url(CLIP + "/"), 2, "Session: " + id, "Range: npt=8-").status());
            List<RawRtsp.Frame> frames = rtsp.frames(2500);
            assertFalse(frames.isEmpty());
            for (RawRtsp.Frame f : frames) {
                assertTrue(f.channel() == 6 || f.channel() == 7, "channel " + f.channel());
                assertEquals(2, (f.data()[0] & 0xff) >> 6, "RTP/RTCP version 2");
                if (f.channel() == 6) {
                    assertEquals(96, f.payloadType());
                } else {
                    int type = f.data()[1] & 0xff;
                    assertTrue(type >= 200 && type <= 204, "RTCP on the odd channel: " + type);
                }
            }
            assertTrue(frames.stream().anyMatch(f -> f.channel() == 7), "RTCP (an SR or the BYE at the end) on 7");
        }
    }

    @Test
    @Requirement(spec = RFC2326, section = "10.12", level = MUST,
            text = "$-frames from the client between requests are skipped by length and the next request answered")
    void clientFramesBetweenRequestsAreSkipped() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String id = setupVideo(rtsp, 1);
            // an RTCP receiver report (no report blocks) on channel 1, then a request, in one write
            byte[] rr = {(byte) 0x80, (byte) 201, 0, 1, 0x12, 0x34, 0x56, 0x78};
            byte[] request = ("GET_PARAMETER " + url(CLIP + "/") + " RTSP/1.0\r\nCSeq: 2\r\nSession: " + id + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] both = new byte[4 + rr.length + request.length];
            both[0] = '$';
            both[1] = 1;
            both[3] = (byte) rr.length;
            System.arraycopy(rr, 0, both, 4, rr.length);
            System.arraycopy(request, 0, both, 4 + rr.length, request.length);
            rtsp.sendBytes(both);
            RawRtsp.Response r = rtsp.read();
            assertEquals(200, r.status());
            assertEquals("2", r.header("CSeq"));
        }
    }
}
