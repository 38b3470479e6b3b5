package io.tributary.sources.relay.internal;

import static io.tributary.sources.relay.internal.TestConfigs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.source.SourceStatus;
import io.tributary.client.testing.InterleavedCamera;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A relay against a scripted camera on real sockets, with a recording stream in place of the engine's. */
@Timeout(30)
class RelayTest {
    private static EventLoopGroup group;
    private final PayloadFormats formats = new PayloadFormats();
    private final List<Relay> relays = new ArrayList<>();
    private InterleavedCamera camera;

    @BeforeAll
    static void loops() {
        group = new MultiThreadIoEventLoopGroup(2,
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopLoops() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void camera() throws IOException {
        camera = ScriptedUpstream.start();
        formats.add(new TestFormat(), Map.of(PayloadFormat.ENCODING, TestFormat.ENCODING));
    }

    @AfterEach
    void stop() {
        relays.forEach(Relay::shutdown);
        camera.close();
    }

    private Relay relay(String source, Object... keyValues) {
        Map<String, Object> values = new HashMap<>(Map.of("path", "/cam", "source", source,
                "responseTimeoutSeconds", 2, "connectTimeoutSeconds", 2, "reconnectMaxSeconds", 2));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        Relay relay = new Relay(settings(values), group, formats, () -> 0.5);
        relays.add(relay);
        relay.start();
        return relay;
    }

    @Test
    void aReaderGetsTheUpstreamUnitsAndTheLastReaderLeavingClosesTheUpstream() throws Exception {
        Relay relay = relay(camera.url("/stream"));
        RelaySource source = relay.open();
        assertEquals(1, source.description().tracks().size());
        assertEquals("TEST", source.description().tracks().getFirst().encoding().name());
        assertEquals("scripted", source.description().title());
        RecordingStream stream = new RecordingStream();
        source.start(stream);
        assertNotNull(stream.next("unit", 3000), "a unit arrives");
        assertTrue(await(2000, () -> stream.units.get() >= 5), "units keep arriving: " + stream.units);
        assertEquals(0, stream.discontinuities.get());
        source.close();
        assertTrue(await(3000, () -> camera.requests("TEARDOWN") == 1), "the idle relay tears the upstream down");
        assertEquals(0, stream.ends.get(), "closing a source is the engine's business, not an end of stream");
    }

    @Test
    void theStatusSaysIdleThenUpThenDownWithTheFailureAndTheNextRetry() throws Exception {
        Relay relay = relay(camera.url("/stream"), "reconnectMinSeconds", 1, "reconnectMaxSeconds", 1);
        SourceStatus idle = relay.status();
        assertEquals(SourceStatus.State.IDLE, idle.state());
        assertEquals("/cam", idle.path());
        assertEquals(camera.url("/stream"), idle.origin());

        RecordingStream stream = new RecordingStream();
        relay.open().start(stream);
        assertNotNull(stream.next("unit", 3000));
        SourceStatus up = relay.status();
        assertEquals(SourceStatus.State.UP, up.state());
        assertEquals("TEST over TCP", up.detail());
        assertNotNull(up.since());

        camera.close(); // the camera goes away for good: the relay keeps retrying while it has a reader
        assertTrue(await(5000, () -> relay.status().state() == SourceStatus.State.DOWN), "down: " + relay.status());
        SourceStatus down = relay.status();
        assertTrue(down.detail().startsWith("last failure: ") && down.detail().contains("; retrying in "),
                down.detail());

        relay.shutdown();
        assertNull(relay.status(), "a relay that is gone reports nothing");
    }

    @Test
    void upstreamSenderReportsReachTheStreamOnItsTimeline() throws Exception {
        Relay relay = relay(camera.url("/stream"));
        RecordingStream stream = new RecordingStream();
        relay.open().start(stream);
        String report = stream.next("sender report", 3000);
        assertNotNull(report, "the upstream's SR is passed on");
        long placed = Long.parseLong(report.substring(report.lastIndexOf(' ') + 1));
        long first = stream.firstUnitTime.get();
        long sinceFirstUnit = (placed - first) & 0xFFFF_FFFFL;
        assertTrue(first >= 0 && sinceFirstUnit < 90_000L * 5, "on the units' timeline, near the first unit ("
                + first + "): " + placed);
    }

    @Test
    void aSecondReaderSharesTheUpstreamSession() throws Exception {
        Relay relay = relay(camera.url("/stream"));
        RelaySource first = relay.open();
        RecordingStream one = new RecordingStream();
        first.start(one);
        assertNotNull(one.next("unit", 3000));
        long started = System.nanoTime();
        RelaySource second = relay.open();
        assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(500), "no new DESCRIBE to wait for");
        RecordingStream two = new RecordingStream();
        second.start(two);
        assertNotNull(two.next("unit", 3000));
        assertEquals(1, camera.requests("DESCRIBE"));
        assertEquals(1, camera.requests("PLAY"));
    }

    @Test
    void aLostUpstreamIsReconnectedAndReadersSeeADiscontinuityNotAnEnd() throws Exception {
        Relay relay = relay(camera.url("/stream"), "reconnectMinSeconds", 1);
        RecordingStream stream = new RecordingStream();
        relay.open().start(stream);
        assertNotNull(stream.next("unit", 3000));
        camera.dropConnections();
        long lost = System.nanoTime();
        assertEquals("discontinuity", stream.next("discontinuity", 5000), "the new session's timestamps restart");
        long back = System.nanoTime() - lost;
        assertTrue(stream.next("unit", 2000).startsWith("unit "), "units follow the discontinuity");
        assertEquals(0, stream.ends.get(), "readers stay");
        assertEquals(2, camera.requests("PLAY"));
        assertTrue(back < TimeUnit.MILLISECONDS.toNanos(3000), "back after " + back / 1_000_000 + " ms");
    }

    @Test
    void anUpstreamBackWithOtherTracksEndsTheReaderStreams() throws Exception {
        Relay relay = relay(camera.url("/stream"));
        RecordingStream stream = new RecordingStream();
        relay.open().start(stream);
        assertNotNull(stream.next("unit", 3000));
        camera.sdp(ScriptedUpstream.SDP.replace("config=1", "config=2"));
        camera.dropConnections();
        assertEquals("end", stream.next("end", 5000));
        RelaySource again = relay.open();
        assertTrue(again.description().tracks().getFirst().codecConfigView().toString().length() > 0);
        assertEquals("config=2", java.nio.charset.StandardCharsets.UTF_8
                .decode(again.description().tracks().getFirst().codecConfigView()).toString());
        RecordingStream next = new RecordingStream();
        again.start(next);
        assertNotNull(next.next("unit", 3000), "a new reader reads the new tracks");
    }

    @Test
    void anUnreachableUpstreamFailsWithoutCredentialsAndThenFailsFast() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Relay relay = relay("rtsp://admin:s3cret@127.0.0.1:" + closedPort + "/stream", "reconnectMinSeconds", 5,
                "reconnectMaxSeconds", 5);
        IOException first = assertThrows(IOException.class, relay::open);
        assertTrue(first.getMessage().startsWith("upstream rtsp://127.0.0.1:" + closedPort + "/stream unreachable: "),
                first.getMessage());
        assertFalse(first.getMessage().contains("s3cret"), first.getMessage());
        long started = System.nanoTime();
        IOException second = assertThrows(IOException.class, relay::open);
        assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(100), "fails fast while down");
        assertEquals(first.getMessage(), second.getMessage());
    }

    @Test
    void aSilentUpstreamFailsAfterTheResponseTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            Relay relay = relay("rtsp://127.0.0.1:" + silent.getLocalPort() + "/x", "responseTimeoutSeconds", 1);
            long started = System.nanoTime();
            IOException e = assertThrows(IOException.class, relay::open);
            long took = (System.nanoTime() - started) / 1_000_000;
            assertTrue(e.getMessage().contains("DESCRIBE"), e.getMessage());
            assertTrue(took >= 900 && took < 2500, "failed after " + took + " ms");
        }
    }

    @Test
    void aDownUpstreamWhoseTracksAreKnownStillOpensAndPlaysOnceBack() throws Exception {
        Relay relay = relay(camera.url("/stream"), "reconnectMinSeconds", 1, "reconnectMaxSeconds", 1);
        RecordingStream first = new RecordingStream();
        relay.open().start(first);
        assertNotNull(first.next("unit", 3000));
        camera.stop();
        Thread.sleep(300);
        long started = System.nanoTime();
        RelaySource source = relay.open();
        assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(100), "opens at once");
        RecordingStream second = new RecordingStream();
        source.start(second);
        second.clear();
        camera.restart();
        assertNotNull(second.next("unit", 5000), "the new reader gets units once the upstream is back");
        assertNotNull(first.next("unit", 2000), "and so does the first");
        assertEquals(0, first.ends.get() + second.ends.get());
    }

    @Test
    void anAlwaysOnRelayPlaysWithoutReaders() throws Exception {
        relay(camera.url("/stream"), "onDemand", false);
        assertTrue(await(3000, () -> camera.requests("PLAY") == 1), "PLAY without any reader");
    }

    @Test
    void automaticTransportFallsBackToTcpWhenUdpIsRefused() throws Exception {
        Relay relay = relay(camera.url("/stream"), "transport", "automatic");
        RelaySource source = relay.open();
        RecordingStream stream = new RecordingStream();
        source.start(stream);
        assertNotNull(stream.next("unit", 5000), "units over TCP after UDP was refused");
        assertEquals(1, camera.udpRefused());
    }

    @Test
    void tracksWithoutAPayloadFormatAreLeftOut() throws Exception {
        camera.sdp(ScriptedUpstream.SDP + "m=audio 0 RTP/AVP 97\r\na=rtpmap:97 OPUS/48000/2\r\na=control:track1\r\n");
        RelaySource source = relay(camera.url("/stream")).open();
        assertEquals(1, source.description().tracks().size());
    }

    @Test
    void anUpstreamWithNoUsableTrackIsRefusedWithTheReason() throws Exception {
        camera.sdp(ScriptedUpstream.SDP.replace("TEST/90000", "VP9/90000"));
        IOException e = assertThrows(IOException.class, () -> relay(camera.url("/stream")).open());
        assertTrue(e.getMessage().contains("no payload format installed for VP9"), e.getMessage());
    }

    @Test
    void aRemovedRelayEndsItsReaders() throws Exception {
        Relay relay = relay(camera.url("/stream"));
        RecordingStream stream = new RecordingStream();
        relay.open().start(stream);
        assertNotNull(stream.next("unit", 3000));
        relay.shutdown();
        assertEquals("end", stream.next("end", 1000));
        assertThrows(IOException.class, relay::open);
    }

    private static boolean await(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
