package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may publish where, what happens when a publisher leaves, and bad input on the
 * publishing side, checked with raw RTSP while ffmpeg publishes and readers read.
 */
class PublishRulesTest {
    private static final int GRACE_SECONDS = 3;
    private static final int SESSION_TIMEOUT_SECONDS = 5;

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(Map.of(
            "io.tributary.sources.publish", "graceSeconds = " + GRACE_SECONDS,
            // Quiet connections close after 2 x the session timeout (at least 10 s).
            "io.tributary.engine.rtsp", "sessionTimeoutSeconds = " + SESSION_TIMEOUT_SECONDS));

    /** A valid publisher SDP: H.264 with in-band parameter sets, as encoders often send. */
    private static final String SDP = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=test\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=1\r\n"
            + "a=control:streamid=0\r\n";

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    private static Path demo() {
        return tributary.home().resolve("demo/demo.mp4");
    }

    private static RawRtsp.Response announce(RawRtsp rtsp, String path, String contentType, String sdp)
            throws Exception {
        byte[] body = sdp.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("ANNOUNCE " + url(path) + " RTSP/1.0\r\nCSeq: 1\r\n");
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        request.append("Content-Length: ").append(body.length).append("\r\n\r\n").append(sdp);
        rtsp.send(request.toString());
        return rtsp.read();
    }

    /** A reader of {@code path} over TCP interleaved (video on channels 0-1), playing. */
    private static RawRtsp reader(String path) throws Exception {
        RawRtsp rtsp = new RawRtsp(tributary.rtspPort());
        RawRtsp.Response setup = rtsp.request("SETUP", url(path) + "/trackID=0", 1,
                "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
        assertEquals(200, setup.status(), setup.body());
        RawRtsp.Response play = rtsp.request("PLAY", url(path), 2, "Session: " + session(setup));
        assertEquals(200, play.status(), play.body());
        return rtsp;
    }

    private static String session(RawRtsp.Response response) {
        return response.header("Session").split(";")[0];
    }

    private static List<RawRtsp.Frame> rtp(List<RawRtsp.Frame> frames) {
        return frames.stream().filter(f -> f.channel() == 0).toList();
    }

    @Test
    void aSecondPublisherIsRefusedAndTheFirstKeepsPublishing() throws Exception {
        try (Publisher first = Publisher.loop(demo(), url("/live/busy"), "tcp").awaitPublished(tributary.rtspPort());
             RawRtsp reader = reader("/live/busy");
             RawRtsp second = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response refused = announce(second, "/live/busy", "application/sdp", SDP);
            assertEquals(455, refused.status(), refused.body());
            assertTrue(refused.body().contains("already being published"), refused.body());
            assertFalse(rtp(reader.frames(1000)).isEmpty(), "the reader still receives the first publisher");
            assertTrue(first.alive(), first.output());
        }
    }

    /**
     * ffmpeg publishing over UDP sends media but never a request: neither its session nor its
     * quiet RTSP connection may time out while the media flows.
     */
    @Test
    void aUdpPublisherThatSendsNoRequestsIsKeptAliveByItsMedia() throws Exception {
        try (Publisher publisher = Publisher.loop(demo(), url("/live/quiet"), "udp").awaitPublished(tributary.rtspPort())) {
            Thread.sleep((Math.max(10, 2 * SESSION_TIMEOUT_SECONDS) + 3) * 1000L);
            assertTrue(publisher.alive(), "still publishing: " + publisher.output());
            try (RawRtsp reader = reader("/live/quiet")) {
                assertFalse(rtp(reader.frames(1000)).isEmpty(), "its media still reaches readers");
            }
        }
    }

    @Test
    void aReaderCannotRecord() throws Exception {
        try (Publisher publisher = Publisher.loop(demo(), url("/live/rec"), "tcp").awaitPublished(tributary.rtspPort());
             RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = rtsp.request("SETUP", url("/live/rec") + "/trackID=0", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status());
            RawRtsp.Response record = rtsp.request("RECORD", url("/live/rec"), 2, "Session: " + session(setup));
            assertEquals(405, record.status(), "RFC 2326 §11.3.1: RECORD on a session set up to play: " + record.body());
            assertTrue(record.header("Allow").contains("PLAY"), record.header("Allow"));
            RawRtsp.Response recordSetup = rtsp.request("SETUP", url("/live/rec2") + "/streamid=0", 3,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record");
            assertEquals(455, recordSetup.status(), "SETUP mode=record without ANNOUNCE: " + recordSetup.body());
        }
    }

    @Test
    void badAnnouncementsGetPreciseStatuses() throws Exception {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(415, announce(rtsp, "/live/bad", null, SDP).status(), "no Content-Type");
            assertEquals(415, announce(rtsp, "/live/bad", "text/plain", SDP).status(), "not SDP");
            assertEquals(400, announce(rtsp, "/live/bad", "application/sdp", "garbage\r\n\u0001\r\n").status());
            assertEquals(400, announce(rtsp, "/live/bad", "application/sdp", "v=0\r\ns=x\r\n").status(),
                    "no media");
            RawRtsp.Response unknown = announce(rtsp, "/live/bad", "application/sdp",
                    SDP.replace("H264/90000", "AV1/90000")); // AV1 waits: no RTP for it in ffmpeg 5.1 or GStreamer 1.22
            assertEquals(503, unknown.status(), unknown.body());
            assertTrue(unknown.body().contains("AV1"), unknown.body());
            assertEquals(400, announce(rtsp, "/live/bad", "application/sdp",
                    SDP.replace("packetization-mode=1", "sprop-parameter-sets=!!!,###")).status(), "bad sprop");
            assertEquals(200, rtsp.request("OPTIONS", url("/live/bad"), 9).status(), "the connection still works");
        }
    }

    /**
     * A raw publisher sends RTP on channels it did not set up, non-RTP bytes and maximum-size
     * frames: its connection and the readers of another path are not affected.
     */
    @Test
    void garbageFromAPublisherDoesNotAffectReaders() throws Exception {
        try (Publisher good = Publisher.loop(demo(), url("/live/good"), "tcp").awaitPublished(tributary.rtspPort());
             RawRtsp reader = reader("/live/good");
             RawRtsp bad = new RawRtsp(tributary.rtspPort())) {
            assertEquals(200, announce(bad, "/live/garbage", "application/sdp", SDP).status());
            RawRtsp.Response setup = bad.request("SETUP", url("/live/garbage") + "/streamid=0", 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record");
            assertEquals(200, setup.status(), setup.body());
            assertTrue(setup.header("Transport").toLowerCase(java.util.Locale.ROOT).contains("mode=\"record\""),
                    setup.header("Transport"));
            assertEquals(200, bad.request("RECORD", url("/live/garbage"), 3, "Session: " + session(setup)).status());
            ByteArrayOutputStream junk = new ByteArrayOutputStream();
            for (int i = 0; i < 200; i++) {
                junk.writeBytes(frame(7, new byte[100]));            // a channel nobody set up
                junk.writeBytes(frame(0, new byte[] {1, 2, 3}));     // not RTP
                junk.writeBytes(frame(0, rtpWithPayload(i, new byte[] {(byte) 0x7c, 0x05, 9, 9})));  // FU-A start only
            }
            junk.writeBytes(frame(0, new byte[65535]));              // the largest frame
            bad.sendBytes(junk.toByteArray());
            assertEquals(200, bad.request("OPTIONS", url("/live/garbage"), 4, "Session: " + session(setup)).status(),
                    "the publisher's connection still works");
            List<RawRtsp.Frame> received = rtp(reader.frames(2000));
            assertTrue(received.size() > 20, "the reader of another path keeps receiving: " + received.size());
            for (int i = 1; i < received.size(); i++) {
                assertEquals((received.get(i - 1).sequence() + 1) & 0xffff, received.get(i).sequence(),
                        "no loss for the other path's reader");
            }
        }
    }

    private static byte[] frame(int channel, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('$');
        out.write(channel);
        out.write(data.length >> 8);
        out.write(data.length & 0xff);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] rtpWithPayload(int sequence, byte[] payload) {
        byte[] packet = new byte[12 + payload.length];
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        packet[7] = (byte) sequence;
        System.arraycopy(payload, 0, packet, 12, payload.length);
        return packet;
    }

    /**
     * A publisher that crashes and comes back within the grace period continues the path:
     * readers stay connected, with the same SSRC and continuous sequence numbers. When it does
     * not come back, readers get RTCP BYE and their session ends.
     */
    @Test
    void aReturningPublisherResumesThePathAndReadersEndAfterTheGracePeriod() throws Exception {
        String path = "/live/grace";
        Publisher first = Publisher.loop(demo(), url(path), "tcp").awaitPublished(tributary.rtspPort());
        try (RawRtsp reader = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = reader.request("SETUP", url(path) + "/trackID=0", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            String session = session(setup);
            assertEquals(200, reader.request("PLAY", url(path), 2, "Session: " + session).status());
            List<RawRtsp.Frame> before = rtp(reader.frames(1000));
            assertFalse(before.isEmpty());
            first.kill();
            try (Publisher second = Publisher.loop(demo(), url(path), "tcp")) {
                List<RawRtsp.Frame> after = rtp(reader.frames(4000));
                assertTrue(after.size() > 20, "the reader receives the returning publisher: " + after.size()
                        + " packets; publisher: " + second.output());
                assertEquals(ssrc(before.get(0)), ssrc(after.get(after.size() - 1)), "same SSRC across publishers");
                RawRtsp.Frame last = after.get(after.size() - 1);
                int gap = (last.sequence() - before.get(before.size() - 1).sequence()) & 0xffff;
                assertEquals(after.size() + 0.0, gap, after.size() * 0.5 + 50,
                        "sequence numbers continue across publishers");
                second.kill();
                List<RawRtsp.Frame> end = reader.frames((GRACE_SECONDS + 3) * 1000L);
                assertTrue(end.stream().anyMatch(f -> f.channel() == 1 && isBye(f.data())),
                        "RTCP BYE once the grace period is over");
                try {
                    RawRtsp.Response gone = reader.request("PAUSE", url(path), 9, "Session: " + session);
                    assertEquals(454, gone.status(), "the reader's session ended with the stream");
                } catch (java.io.EOFException closed) {
                    // Also ended: with its session gone, the quiet connection was closed (idle limit).
                }
            }
        } finally {
            first.close();
        }
    }

    private static long ssrc(RawRtsp.Frame frame) {
        byte[] d = frame.data();
        return ((d[8] & 0xffL) << 24) | ((d[9] & 0xffL) << 16) | ((d[10] & 0xffL) << 8) | (d[11] & 0xffL);
    }

    /** Whether a compound RTCP packet contains a BYE (packet type 203). */
    private static boolean isBye(byte[] rtcp) {
        int at = 0;
        while (at + 4 <= rtcp.length) {
            if ((rtcp[at + 1] & 0xff) == 203) {
                return true;
            }
            at += 4 * ((((rtcp[at + 2] & 0xff) << 8) | (rtcp[at + 3] & 0xff)) + 1);
        }
        return false;
    }
}
