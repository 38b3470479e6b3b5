package io.tributary.client;

import static io.tributary.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.client.testing.Interleaved;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.NptRange;
import io.tributary.rtsp.header.RtpInfo;
import io.tributary.rtsp.message.RtspRequest;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Camera firmware as it is, not as the RFC wants it. */
@Timeout(20)
class CameraQuirksTest {
    @RegisterExtension
    static final SharedClient shared = new SharedClient();
    private static final RtspClient client = shared.client;

    @Test
    void controlsResolveAgainstTheRequestUrlWithItsQueryWhenContentBaseIsMissing() throws Exception {
        String sdp = TestSupport.SDP.replace("a=control:trackID=2", "a=control:rtsp://127.0.0.1:1/abs?q=2");
        try (FakeRtspServer server = new FakeRtspServer(ex -> {
            if (ex.method().equals("DESCRIBE")) {
                ex.reply(200, "OK", sdp, "Content-Type: application/sdp"); // no Content-Base, no Content-Location
            } else {
                FakeCamera.answer(ex);
            }
        })) {
            String url = server.url("/cam/realmonitor?channel=1&subtype=0");
            ClientSession session = await(client.connect(url), 5000);
            Description d = await(session.describe(), 5000);
            assertEquals(url, d.baseUrl());
            assertEquals(url + "/trackID=1", d.tracks().get(0).controlUrl(), "query kept, control appended");
            assertEquals("rtsp://127.0.0.1:1/abs?q=2", d.tracks().get(1).controlUrl(), "absolute control as is");
            assertEquals(url, d.aggregateUrl());
            await(session.setup(d.tracks().get(0), LowerTransport.TCP), 5000);
            assertEquals(url + "/trackID=1", server.next("SETUP", 1000).uri());
            session.close();
        }
    }

    @Test
    void contentBaseWithQueryAndTrailingSlashAsDahuaSendsIt() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(ex -> {
            if (ex.method().equals("DESCRIBE")) {
                ex.reply(200, "OK", TestSupport.SDP.replace("trackID=1", "trackID=0"), "Content-Type: application/sdp",
                        "Content-Base: " + ex.request.uri() + "/");
            } else {
                FakeCamera.answer(ex);
            }
        })) {
            String url = server.url("/cam/realmonitor?channel=1&subtype=0");
            ClientSession session = await(client.connect(url), 5000);
            Description d = await(session.describe(), 5000);
            assertEquals(url + "/trackID=0", d.tracks().get(0).controlUrl());
            session.close();
        }
    }

    /**
     * SETUP answered without Transport and with a Session carrying extra parameters; PLAY
     * answered after interleaved data and with an untidy RTP-Info.
     */
    @Test
    void sloppySetupAndPlayReplies() throws Exception {
        byte[] early = TestSupport.rtp(96, 4242, 9000, 0x1234, 20);
        try (FakeRtspServer server = new FakeRtspServer(ex -> {
            switch (ex.method()) {
                case "SETUP" -> ex.ok("Session:   987654;timeout=60;foo=bar");
                case "PLAY" -> {
                    // media first, then the answer, in one write: the client must not lose the packet
                    ByteArrayOutputStream both = new ByteArrayOutputStream();
                    both.write(Interleaved.frame(0, early));
                    String base = "rtsp://127.0.0.1:" + ((java.net.URI.create(ex.request.uri())).getPort()) + "/stream/";
                    both.write(("RTSP/1.0 200 OK\r\nCSeq: " + ex.header("CSeq") + "\r\nSession: 987654\r\n"
                            + "RTP-Info: url=trackID=1; seq=100 ; rtptime=5000 ,  url = " + base + "trackID=2;seq=7\r\n"
                            + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    ex.raw(both.toByteArray());
                }
                default -> FakeCamera.answer(ex);
            }
        })) {
            TestSupport.Recorder recorder = new TestSupport.Recorder();
            ClientSession session = await(client.connect(server.url("/stream"), recorder), 5000);
            Description d = await(session.describe(), 5000);
            TrackSetup video = await(session.setup(d.tracks().get(0), LowerTransport.TCP), 5000);
            TrackSetup audio = await(session.setup(d.tracks().get(1), LowerTransport.TCP), 5000);
            assertTrue(video.assumed(), "no Transport in the reply: the request is assumed");
            assertEquals(0, video.transport().interleaved().first());
            assertEquals(2, audio.transport().interleaved().first());
            assertEquals("987654", session.sessionId());

            PlayResult play = await(session.play(NptRange.from(0)), 5000);
            RtspRequest playRequest = server.next("PLAY", 1000);
            assertEquals("987654", playRequest.header("Session"));
            assertEquals("npt=0.000-", playRequest.header("Range"));
            assertEquals(new RtpInfo(d.baseUrl() + "trackID=1", 100, 5000L).seq(), play.rtpInfo().get(0).seq());
            assertEquals(5000L, play.rtpInfo().get(0).rtptime());
            assertEquals(7, play.rtpInfo().get(1).seq());
            assertNull(play.rtpInfo().get(1).rtptime(), "missing rtptime tolerated");
            assertEquals(play.rtpInfo(), session.rtpInfo());

            TestSupport.Packet p = recorder.next(2000);
            assertNotNull(p, "data sent before the PLAY reply is delivered");
            assertEquals(0, p.track());
            assertEquals(4242, p.seq());
            assertFalse(recorder.writableBufferSeen, "listeners get read-only buffers");
            session.close();
        }
    }

    @Test
    void connectionCloseMeansANewConnectionForTheNextRequest() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(ex -> {
            if (ex.method().equals("DESCRIBE")) {
                ex.reply(200, "OK", TestSupport.SDP, "Content-Type: application/sdp", "Connection: close",
                        "Content-Base: " + ex.request.uri() + "/");
                ex.close();
            } else {
                FakeCamera.answer(ex);
            }
        })) {
            ClientSession session = await(client.connect(server.url("/s")), 5000);
            Description d = await(session.describe(), 5000);
            await(session.setup(d.tracks().get(0), LowerTransport.TCP), 5000);
            await(session.play(null), 5000);
            assertEquals(2, server.connections());
            assertFalse(session.ended().toCompletableFuture().isDone());
            session.close();
        }
    }

    @Test
    void teardownEndsTheSession() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(FakeCamera::answer)) {
            TestSupport.Recorder recorder = new TestSupport.Recorder();
            ClientSession session = await(client.connect(server.url("/s"), recorder), 5000);
            await(session.playAll(LowerTransport.TCP, null), 5000);
            assertEquals(2, session.setups().size());
            await(session.teardown(), 5000);
            assertEquals(SessionEnd.Reason.TEARDOWN, await(session.ended(), 1000).reason());
            assertEquals(SessionEnd.Reason.TEARDOWN, await(recorder.end, 1000).reason());
            RtspRequest teardown = server.next("TEARDOWN", 1000);
            assertEquals(server.url("/s") + "/", teardown.uri(), "aggregate control on the base URL");
            assertEquals(FakeCamera.SESSION, teardown.header("Session"));
            RtspClientException after = (RtspClientException) TestSupport.failure(session.options(), 1000);
            assertEquals(RtspClientException.Kind.CLOSED, after.kind());
        }
    }

    @Test
    void rtcpByeOnEveryTrackEndsTheSession() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(ex -> {
            FakeCamera.answer(ex);
            if (ex.method().equals("PLAY")) {
                ex.interleaved(0, TestSupport.rtp(96, 1, 0, 1, 10));
                ex.interleaved(1, TestSupport.rtcpBye(1));
                ex.interleaved(3, TestSupport.rtcpBye(2));
            }
        })) {
            ClientSession session = await(client.connect(server.url("/s")), 5000);
            await(session.playAll(LowerTransport.TCP, null), 5000);
            SessionEnd end = await(session.ended(), 5000);
            assertEquals(SessionEnd.Reason.RTCP_BYE, end.reason());
            assertEquals(1, session.stats().rtpPackets());
            assertEquals(2, session.stats().rtcpPackets());
        }
    }

    @Test
    void serverRequestsAreAnswered() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(ex -> {
            FakeCamera.answer(ex);
            if (ex.method().equals("OPTIONS")) {
                // a server-side keep-alive probe, interleaved with our conversation
                ex.raw("GET_PARAMETER rtsp://x/ RTSP/1.0\r\nCSeq: 77\r\n\r\n".getBytes());
            }
        })) {
            ClientSession session = await(client.connect(server.url("/s")), 5000);
            assertEquals(200, await(session.options(), 5000).code());
            assertEquals(200, await(session.options(), 5000).code(), "the connection is still in sync");
            session.close();
        }
    }

    @Test
    void requestsArePipelinedInOrder() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(FakeCamera::answer)) {
            ClientSession session = await(client.connect(server.url("/s")), 5000);
            var a = session.options();
            var b = session.getParameter();
            var c = session.options();
            assertEquals(200, await(c, 5000).code());
            assertEquals(200, await(a, 5000).code());
            assertEquals(200, await(b, 5000).code());
            List<String> cseqs = server.drainRequests().stream().map(r -> r.header("CSeq")).toList();
            assertEquals(List.of("1", "2", "3"), cseqs);
            session.close();
        }
    }
}
