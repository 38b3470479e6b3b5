package io.tributary.client;

import static io.tributary.client.TestSupport.await;
import static io.tributary.client.TestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.message.RtspDecoder;
import io.tributary.rtsp.message.RtspRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dead, slow and chatty servers: every step ends in bounded time with a message naming the
 * step and the URL, and one bad server never holds up another session. The group has a
 * single event loop, so any blocking would show as delay.
 */
@Timeout(30)
class TimeoutsAndLimitsTest {
    @RegisterExtension
    static final SharedClient shared = new SharedClient();
    private static final EventLoopGroup group = shared.group;

    @Test
    void aServerThatNeverAnswersTimesOutAndDelaysNobody() throws Exception {
        RtspClientOptions options = RtspClientOptions.defaults().withResponseTimeout(Duration.ofMillis(1500));
        try (RtspClient client = new RtspClient(group, options);
             FakeRtspServer dead = new FakeRtspServer(ex -> { });
             FakeRtspServer healthy = new FakeRtspServer(FakeCamera::answer)) {
            // ten dead cameras on the same single event loop as the healthy one
            List<CompletionStage<Description>> stuck = new ArrayList<>();
            List<ClientSession> deadSessions = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ClientSession s = await(client.connect(dead.url("/dead" + i)), 5000);
                deadSessions.add(s);
                stuck.add(s.describe());
            }
            long start = System.nanoTime();
            ClientSession ok = await(client.connect(healthy.url("/live")), 5000);
            Description d = await(ok.describe(), 5000);
            await(ok.setup(d.tracks().getFirst(), LowerTransport.TCP), 5000);
            await(ok.play(null), 5000);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(tookMillis < 1000, "the healthy camera took " + tookMillis + " ms");
            assertFalse(stuck.getFirst().toCompletableFuture().isDone(), "the dead ones are still waiting");

            RtspClientException e = assertInstanceOf(RtspClientException.class, failure(stuck.getFirst(), 5000));
            assertEquals(RtspClientException.Kind.TIMEOUT, e.kind());
            assertEquals("DESCRIBE " + dead.url("/dead0") + ": no response within 1500 ms", e.getMessage());
            SessionEnd end = await(deadSessions.getFirst().ended(), 2000);
            assertEquals(SessionEnd.Reason.RESPONSE_TIMEOUT, end.reason());
            for (CompletionStage<Description> s : stuck) {
                assertNotNull(failure(s, 2000));
            }
            assertFalse(ok.ended().toCompletableFuture().isDone(), "the healthy session lives on");
            ok.close();
        }
    }

    @Test
    void aRefusedPortFailsTheConnectStep() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        try (RtspClient client = new RtspClient(group)) {
            long start = System.nanoTime();
            Throwable t = failure(client.connect("rtsp://admin:secret@127.0.0.1:" + port + "/cam"), 6000);
            RtspClientException e = assertInstanceOf(RtspClientException.class, t);
            assertEquals(RtspClientException.Kind.CONNECT_FAILED, e.kind());
            assertEquals("connect", e.step());
            assertEquals("connect rtsp://127.0.0.1:" + port + "/cam: connection refused", e.getMessage());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2000);
        }
    }

    @Test
    void anInvalidUrlFailsWithoutCredentialsInTheMessage() {
        try (RtspClient client = new RtspClient(group)) {
            Throwable t = failure(client.connect("http://user:pw@host/x"), 1000);
            assertFalse(t.getMessage().contains("pw"), t.getMessage());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void silenceAfterPlayEndsTheSession() throws Exception {
        RtspClientOptions options = RtspClientOptions.defaults().withMediaTimeout(Duration.ofMillis(800));
        try (RtspClient client = new RtspClient(group, options);
             FakeRtspServer server = new FakeRtspServer(ex -> {
                 FakeCamera.answer(ex);
                 if (ex.method().equals("PLAY")) {
                     ex.interleaved(0, TestSupport.rtp(96, 1, 0, 1, 10)); // one packet, then nothing
                 }
             })) {
            TestSupport.Recorder recorder = new TestSupport.Recorder();
            ClientSession session = await(client.connect(server.url("/s"), recorder), 5000);
            await(session.playAll(LowerTransport.TCP, null), 5000);
            SessionEnd end = await(recorder.end, 5000);
            assertEquals(SessionEnd.Reason.NO_MEDIA, end.reason());
            assertEquals("media " + server.url("/s") + ": no RTP for 800 ms", end.cause().getMessage());
            assertEquals(1, session.stats().rtpPackets());
        }
    }

    @Test
    void shortSessionTimeoutGetsFrequentKeepAlives() throws Exception {
        try (RtspClient client = new RtspClient(group);
             FakeRtspServer server = new FakeRtspServer(ex -> {
                 if (ex.method().equals("SETUP")) {
                     ex.ok("Session: 42;timeout=2", "Transport: " + FakeCamera.echoTransport(ex, 0));
                 } else {
                     FakeCamera.answer(ex);
                 }
             })) {
            ClientSession session = await(client.connect(server.url("/s")), 5000);
            Description d = await(session.describe(), 5000);
            await(session.setup(d.tracks().getFirst(), LowerTransport.TCP), 5000);
            long start = System.nanoTime();
            RtspRequest first = server.next("GET_PARAMETER", 2500);
            RtspRequest second = server.next("GET_PARAMETER", 2500);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertNotNull(first);
            assertNotNull(second);
            assertEquals("42", second.header("Session"));
            assertTrue(took >= 1500 && took < 3000, "two keep-alives one second apart took " + took + " ms");
            session.close();
        }
    }

    @Test
    void keepAliveFallsBackToOptionsWhenGetParameterIsRefused() throws Exception {
        AtomicInteger refusals = new AtomicInteger();
        try (RtspClient client = new RtspClient(group);
             FakeRtspServer server = new FakeRtspServer(ex -> {
                 switch (ex.method()) {
                     case "SETUP" -> ex.ok("Session: 42;timeout=1", "Transport: " + FakeCamera.echoTransport(ex, 0));
                     case "GET_PARAMETER" -> {
                         refusals.incrementAndGet();
                         ex.reply(501, "Not Implemented", null);
                     }
                     default -> FakeCamera.answer(ex);
                 }
             })) {
            ClientSession session = await(client.connect(server.url("/s")), 5000);
            Description d = await(session.describe(), 5000);
            await(session.setup(d.tracks().getFirst(), LowerTransport.TCP), 5000);
            assertNotNull(server.next("GET_PARAMETER", 2000));
            RtspRequest options = server.next("OPTIONS", 2000);
            assertNotNull(options);
            assertEquals("42", options.header("Session"));
            assertNotNull(server.next("OPTIONS", 2000));
            assertEquals(1, refusals.get(), "GET_PARAMETER is not tried again");
            assertFalse(session.ended().toCompletableFuture().isDone());
            session.close();
        }
    }

    @Test
    void pendingRequestsAreBounded() throws Exception {
        RtspClientOptions options = RtspClientOptions.defaults().withMaxPendingRequests(2)
                .withResponseTimeout(Duration.ofSeconds(3));
        try (RtspClient client = new RtspClient(group, options);
             FakeRtspServer silent = new FakeRtspServer(ex -> { })) {
            ClientSession session = await(client.connect(silent.url("/s")), 5000);
            session.options();
            session.options();
            RtspClientException e = assertInstanceOf(RtspClientException.class, failure(session.options(), 500));
            assertEquals(RtspClientException.Kind.LIMIT, e.kind());
            session.close();
        }
    }

    @Test
    void anOversizedResponseEndsTheSession() throws Exception {
        RtspClientOptions options = RtspClientOptions.defaults()
                .withLimits(new RtspDecoder.Limits(1024, 1024, 32, 4096, 2048));
        try (RtspClient client = new RtspClient(group, options);
             FakeRtspServer server = new FakeRtspServer(ex -> ex.reply(200, "OK", "v=0\r\n" + "a=x\r\n".repeat(1000),
                     "Content-Type: application/sdp"))) {
            ClientSession session = await(client.connect(server.url("/s")), 5000);
            assertNotNull(failure(session.describe(), 5000));
            SessionEnd end = await(session.ended(), 2000);
            assertEquals(SessionEnd.Reason.PROTOCOL_ERROR, end.reason());
            assertTrue(end.cause().getMessage().contains("body larger than 2048"), end.cause().getMessage());
        }
    }

    @Test
    void setupBeforeDescribeIsAStateError() throws Exception {
        try (RtspClient client = new RtspClient(group);
             FakeRtspServer server = new FakeRtspServer(FakeCamera::answer)) {
            ClientSession session = await(client.connect(server.url("/s")), 5000);
            RtspClientException e = assertInstanceOf(RtspClientException.class,
                    failure(session.play(null), 1000));
            assertEquals(RtspClientException.Kind.STATE, e.kind());
            session.close();
            assertEquals(SessionEnd.Reason.CLOSED, await(session.ended(), 1000).reason());
        }
    }

    @Test
    void pauseSuspendsTheMediaTimeout() throws Exception {
        RtspClientOptions options = RtspClientOptions.defaults().withMediaTimeout(Duration.ofMillis(500));
        try (RtspClient client = new RtspClient(group, options);
             FakeRtspServer server = new FakeRtspServer(FakeCamera::answer)) {
            ClientSession session = await(client.connect(server.url("/s")), 5000);
            await(session.playAll(LowerTransport.TCP, null), 5000);
            await(session.pause(), 5000);
            Thread.sleep(1200);
            assertFalse(session.ended().toCompletableFuture().isDone(), "paused sessions are silent by design");
            await(session.play(null), 5000);
            assertEquals(SessionEnd.Reason.NO_MEDIA, await(session.ended(), 3000).reason());
        }
    }

    @Test
    void anUpstreamThatStopsMidStreamEndsTheSession() throws Exception {
        try (RtspClient client = new RtspClient(group);
             FakeRtspServer server = new FakeRtspServer(ex -> {
                 FakeCamera.answer(ex);
                 if (ex.method().equals("PLAY")) {
                     for (int seq = 0; seq < 5; seq++) {
                         ex.interleaved(0, TestSupport.rtp(96, seq, seq * 3000L, 1, 100));
                     }
                     ex.close();
                 }
             })) {
            TestSupport.Recorder recorder = new TestSupport.Recorder();
            ClientSession session = await(client.connect(server.url("/s"), recorder), 5000);
            await(session.playAll(LowerTransport.TCP, null), 5000);
            SessionEnd end = await(recorder.end, 5000);
            assertEquals(SessionEnd.Reason.CONNECTION_CLOSED, end.reason());
            assertEquals("read " + server.url("/s") + ": connection closed by the server", end.cause().getMessage());
            assertEquals(5, session.stats().rtpPackets());
        }
    }

    /**
     * A listener whose accept queue is full drops SYNs, so connects hang as they do towards a
     * camera that is switched off: the connect step times out.
     */
    @Test
    void aConnectThatHangsTimesOut() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fillers = new ArrayList<>();
            try {
                boolean queueFull = false;
                for (int i = 0; i < 64 && !queueFull; i++) {
                    java.net.Socket s = new java.net.Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (java.io.IOException e) {
                        s.close();
                        queueFull = true; // SYNs are dropped now
                    }
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(queueFull,
                        "this kernel never drops SYNs on a full accept queue: a hanging connect cannot be staged");
                RtspClientOptions options = RtspClientOptions.defaults().withConnectTimeout(Duration.ofMillis(700));
                try (RtspClient client = new RtspClient(group, options)) {
                    String url = "rtsp://127.0.0.1:" + full.getLocalPort() + "/off";
                    RtspClientException e = assertInstanceOf(RtspClientException.class,
                            failure(client.connect(url), 5000));
                    assertEquals(RtspClientException.Kind.TIMEOUT, e.kind());
                    assertEquals("connect " + url + ": no connection within 700 ms", e.getMessage());
                }
            } finally {
                for (java.net.Socket s : fillers) {
                    s.close();
                }
            }
        }
    }
}
