package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RTSP 2.0 (RFC 7826) beside 1.0 on the same port: GStreamer's {@code rtspsrc} in its 2.0 mode
 * plays files and live paths, and raw clients check what it does not exercise — pipelining,
 * {@code dest_addr}/{@code src_addr}, PLAY_NOTIFY, the server's TEARDOWN, the headers 2.0 adds
 * and the methods it dropped.
 */
class Rtsp2Test {
    private static final int GRACE_SECONDS = 4;
    private static final Pattern SSRC = Pattern.compile("ssrc=([0-9A-Fa-f]{8})");

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(Map.of(
            "io.tributary.sources.publish", "graceSeconds = " + GRACE_SECONDS));

    @BeforeAll
    static void addFiles() throws Exception {
        ExternalTool.require("ffmpeg");
        Path media = tributary.home().resolve("media");
        ExternalTool.Result made = ExternalTool.run(Duration.ofSeconds(60), "ffmpeg", "-v", "error",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=sample_rate=48000",
                "-t", "3", "-c:v", "libx264", "-g", "25", "-c:a", "aac",
                "-metadata", "creation_time=2026-11-24T10:15:00Z", media.resolve("short.mp4").toString());
        assertEquals(0, made.exitCode(), made.stderr());
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    @Test
    void gstreamerInItsRtsp2ModePlaysFilesOverTcpAndUdp() throws Exception {
        for (String protocols : new String[] {"tcp", "udp"}) {
            GstPlayer.Outcome played = GstPlayer.playRtsp2(url("/vod/short.mp4"), protocols, 25, 20,
                    Duration.ofSeconds(20));
            assertTrue(played.decodedEnough(), protocols + ": " + played.output());
        }
    }

    @Test
    void gstreamerInItsRtsp2ModePlaysALivePath() throws Exception {
        try (Publisher publisher = Publisher.testPattern(url("/live/rtsp2"), 25)
                .awaitPublished(tributary.rtspPort())) {
            GstPlayer.Outcome played = GstPlayer.playRtsp2(url("/live/rtsp2"), "tcp", 25, 0, Duration.ofSeconds(20));
            assertTrue(played.decodedEnough(), played.output());
        }
    }

    @Test
    void optionsListsTheMethodsAndFeatureTagsOf20() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response options = rtsp.request2("OPTIONS", "*", 1, "Supported: play.basic, setup.playing");
            assertEquals(200, options.status());
            assertTrue(options.statusLine().startsWith("RTSP/2.0 "), options.statusLine());
            assertFalse(options.header("Public").contains("RECORD"), "RECORD is not in core RTSP 2.0");
            assertEquals("play.basic, play.scale, play.speed", options.header("Supported"));
            assertEquals(200, rtsp.request2("OPTIONS", "*", 2, "Require: play.basic").status());
            RawRtsp.Response unknown = rtsp.request2("OPTIONS", "*", 3, "Require: play.basic, play.scale.x");
            assertEquals(551, unknown.status());
            assertEquals("play.scale.x", unknown.header("Unsupported"));

            RawRtsp.Response record = rtsp.request2("RECORD", url("/live/x"), 4);
            assertEquals(501, record.status(), "publishing is RTSP 1.0's");
            assertFalse(record.header("Public").contains("ANNOUNCE"));
            rtsp.send("OPTIONS * RTSP/2.0\r\nUser-Agent: no-cseq\r\n\r\n");
            RawRtsp.Response noCseq = rtsp.read();
            assertEquals("RTSP/2.0 400 Bad Request", noCseq.statusLine(), "CSeq is mandatory");
            assertEquals(200, rtsp.request("OPTIONS", "*", 5).status(), "1.0 on the same connection");
        }
    }

    @Test
    void pipelinedSetupsAndPlayShareTheSessionTheFirstSetupCreated() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String pipelined = "Pipelined-Requests: 7712";
            RawRtsp.Response video = rtsp.request2("SETUP", url("/vod/short.mp4/trackID=0"), 1, pipelined,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            RawRtsp.Response audio = rtsp.request2("SETUP", url("/vod/short.mp4/trackID=1"), 2, pipelined,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=2-3");
            RawRtsp.Response play = rtsp.request2("PLAY", url("/vod/short.mp4/"), 3, pipelined, "Range: npt=1-");
            assertEquals(200, video.status(), video.body());
            assertEquals(200, audio.status(), audio.body());
            assertEquals(200, play.status(), play.body());
            String session = video.header("Session").split(";")[0];
            assertEquals(session, audio.header("Session").split(";")[0]);
            assertEquals(session, play.header("Session"), "the pipelined PLAY is answered with its session");
            assertEquals("7712", play.header("Pipelined-Requests"));

            assertEquals("Random-Access, Immutable, Unlimited, Scales=\"-4, -2, -1, 1, 2, 4, 8\"",
                    video.header("Media-Properties"));
            assertEquals("npt, smpte, clock", video.header("Accept-Ranges"));
            assertEquals("npt=0.000-3.000, clock=20261124T101500Z-20261124T101503Z", video.header("Media-Range"));
            assertEquals("RAP", play.header("Seek-Style"));
            assertTrue(play.header("Range").matches("npt=(0\\.9[0-9]*|1\\.0*)-3\\.000"), play.header("Range"));
            String info = play.header("RTP-Info");
            assertTrue(info.startsWith("url=\"" + url("/vod/short.mp4/trackID=0") + "\" ssrc="), info);
            assertEquals(ssrc(video.header("Transport")), ssrc(info), "RTP-Info names the track's SSRC");
            assertNotNull(rtsp.nextFrame(0, 5000), "media flows");

            rtsp.send("OPTIONS * RTSP/1.0\r\nCSeq: 4\r\nSession: " + session + "\r\n\r\n");
            assertEquals(400, rtsp.read().status(), "a 2.0 session stays 2.0");
        }
    }

    @Test
    void theEndOfAFileIsToldByPlayNotify() throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = rtsp.request2("SETUP", url("/vod/short.mp4/trackID=0"), 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            String session = setup.header("Session").split(";")[0];
            assertEquals(200, rtsp.request2("PLAY", url("/vod/short.mp4/"), 2, "Session: " + session,
                    "Range: npt=2-").status());
            RawRtsp.Request notify = rtsp.readRequest(5000);
            assertEquals("PLAY_NOTIFY", notify.method());
            assertEquals(url("/vod/short.mp4/"), notify.uri());
            assertEquals("end-of-stream", notify.header("Notify-Reason"));
            assertEquals(session, notify.header("Session"));
            assertEquals("cseq=2 status=200 reason=\"OK\"", notify.header("Request-Status"));
            assertEquals("npt=-3.000", notify.header("Range"), "the end of the range played");
            rtsp.send("RTSP/2.0 200 OK\r\nCSeq: " + notify.header("CSeq") + "\r\nSession: " + session + "\r\n\r\n");
            assertEquals(200, rtsp.request2("PLAY", url("/vod/short.mp4/"), 3, "Session: " + session,
                    "Range: npt=0-").status(), "the session lives on and plays again");
        }
    }

    @Test
    void udpGoesToTheDestAddrPortsAndTheReplyNamesTheServersSrcAddr() throws IOException {
        try (DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            rtp.setSoTimeout(5000);
            int port = rtp.getLocalPort();
            assertEquals(403, rtsp.request2("SETUP", url("/vod/short.mp4/trackID=0"), 1,
                    "Transport: RTP/AVP/UDP;unicast;dest_addr=\"192.0.2.1:" + port + "\"/\"192.0.2.1:" + (port + 1) + "\"")
                    .status(), "media goes only to the requester");
            assertEquals(400, rtsp.request2("SETUP", url("/vod/short.mp4/trackID=0"), 2,
                    "Transport: RTP/AVP/UDP;unicast;dest_addr=:" + port).status(), "addresses are quoted");

            RawRtsp.Response setup = rtsp.request2("SETUP", url("/vod/short.mp4/trackID=0"), 3,
                    "Transport: RTP/AVP/UDP;unicast;dest_addr=\":" + port + "\"/\":" + (port + 1) + "\"");
            assertEquals(200, setup.status(), setup.body());
            String transport = setup.header("Transport");
            assertTrue(transport.contains("dest_addr=\":" + port + "\"/\":" + (port + 1) + "\""), transport);
            assertTrue(transport.matches(".*src_addr=\"127\\.0\\.0\\.1:\\d+\"/\"127\\.0\\.0\\.1:\\d+\".*"), transport);
            assertFalse(transport.contains("client_port") || transport.contains("server_port"), transport);
            String session = setup.header("Session").split(";")[0];
            assertEquals(200, rtsp.request2("PLAY", url("/vod/short.mp4/"), 4, "Session: " + session).status());
            DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
            try {
                rtp.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no RTP at the dest_addr port", e);
            }
            assertEquals(2, (packet.getData()[0] & 0xff) >> 6, "an RTP packet");
        }
    }

    @Test
    void livePathsCannotBeSoughtAndTheirEndIsATeardownFromTheServer() throws Exception {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String session;
            try (Publisher publisher = Publisher.testPattern(url("/live/ends"), 25)
                    .awaitPublished(tributary.rtspPort())) {
                RawRtsp.Response setup = rtsp.request2("SETUP", url("/live/ends/trackID=0"), 1,
                        "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
                assertEquals(200, setup.status(), setup.body());
                assertEquals("No-Seeking, Time-Progressing, Time-Duration=0.0", setup.header("Media-Properties"));
                assertEquals("npt", setup.header("Accept-Ranges"));
                session = setup.header("Session").split(";")[0];
                RawRtsp.Response play = rtsp.request2("PLAY", url("/live/ends/"), 2, "Session: " + session);
                assertEquals(200, play.status());
                assertNull(play.header("Seek-Style"), "nothing to seek");
                assertNotNull(rtsp.nextFrame(0, 5000));
            }
            RawRtsp.Request teardown = rtsp.readRequest((GRACE_SECONDS + 10) * 1000);
            assertEquals("TEARDOWN", teardown.method());
            assertEquals(session, teardown.header("Session"));
            assertEquals("Internal-Error", teardown.header("Terminate-Reason"));
        }
    }

    @Test
    void aPublisherComingBackInTimeIsToldAsAMediaPropertiesUpdate() throws Exception {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String session;
            try (Publisher first = Publisher.testPattern(url("/live/back"), 25).awaitPublished(tributary.rtspPort())) {
                RawRtsp.Response setup = rtsp.request2("SETUP", url("/live/back/trackID=0"), 1,
                        "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
                session = setup.header("Session").split(";")[0];
                assertEquals(200, rtsp.request2("PLAY", url("/live/back/"), 2, "Session: " + session).status());
                assertNotNull(rtsp.nextFrame(0, 5000));
            }
            try (Publisher again = Publisher.testPattern(url("/live/back"), 25)) {
                RawRtsp.Request notify = rtsp.readRequest(GRACE_SECONDS * 1000 + 5000);
                assertEquals("PLAY_NOTIFY", notify.method());
                assertEquals("media-properties-update", notify.header("Notify-Reason"));
                assertEquals(session, notify.header("Session"));
                assertEquals("No-Seeking, Time-Progressing, Time-Duration=0.0", notify.header("Media-Properties"));
                assertNotNull(rtsp.nextFrame(0, 5000), "the same session goes on");
            }
        }
    }

    private static String ssrc(String header) {
        Matcher m = SSRC.matcher(header);
        assertTrue(m.find(), header);
        return m.group(1).toUpperCase(java.util.Locale.ROOT);
    }
}
