package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.client.testing.GstRtspServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The upstream of a relayed path (GStreamer's RTSP server) is killed and started again: a
 * reader of the path keeps its session and connection, gets no BYE, and after a gap receives
 * packets that continue its sequence numbers and its timeline.
 */
class RelayReconnectTest {
    private static final int UPSTREAM_PORT = freePort();
    private static final int RECONNECT_MAX_SECONDS = 2;

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(Map.of("io.tributary.path-camera",
            "path = /relay/camera\nsource = rtsp://127.0.0.1:" + UPSTREAM_PORT + "/test\n"
                    + "reconnectMinSeconds = 1\nreconnectMaxSeconds = " + RECONNECT_MAX_SECONDS + "\n"
                    + "noMediaTimeoutSeconds = 3"));

    private static int freePort() {
        try {
            return GstRtspServer.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String url() {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + "/relay/camera";
    }

    @Test
    void aReaderKeepsItsSessionWhileTheUpstreamIsKilledAndRestarted() throws Exception {
        GstRtspServer upstream = GstRtspServer.start(UPSTREAM_PORT);
        try (RawRtsp reader = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = reader.request("SETUP", url() + "/trackID=0", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status(), setup.body());
            String session = setup.header("Session").split(";")[0];
            assertEquals(200, reader.request("PLAY", url(), 2, "Session: " + session).status());
            List<RawRtsp.Frame> received = new ArrayList<>(reader.frames(2000));
            assertTrue(rtp(received).size() > 30, "packets before the upstream dies: " + rtp(received).size());
            long lastBeforeNanos = System.nanoTime();

            upstream.kill();
            long killed = System.nanoTime();
            Thread.sleep(1500); // the relay notices at once, and its first retries are refused
            // what was still on its way when the upstream died belongs before the outage
            received.addAll(reader.frames(300));
            List<RawRtsp.Frame> before = rtp(received);
            RawRtsp.Frame lastBefore = before.getLast();
            upstream = GstRtspServer.start(UPSTREAM_PORT);
            long restarted = System.nanoTime();

            List<RawRtsp.Frame> after = List.of();
            long firstAfterNanos = 0;
            while (after.isEmpty() && System.nanoTime() - restarted < 15_000_000_000L) {
                List<RawRtsp.Frame> frames = reader.frames(250);
                received.addAll(frames);
                after = rtp(frames).stream().filter(f -> !before.contains(f)).toList();
                firstAfterNanos = System.nanoTime();
            }
            assertFalse(after.isEmpty(), "packets after the upstream came back");
            List<RawRtsp.Frame> more = rtp(reader.frames(2000));
            assertTrue(more.size() > 30, "packets keep coming: " + more.size());
            received.addAll(more);

            long gapMillis = (firstAfterNanos - killed) / 1_000_000;
            long backMillis = (firstAfterNanos - restarted) / 1_000_000;
            System.out.printf("relay reconnect: gap %d ms (upstream down %d ms, back in %d ms after restart)%n",
                    gapMillis, (restarted - killed) / 1_000_000, backMillis);
            assertTrue(backMillis < (RECONNECT_MAX_SECONDS + 4) * 1000L, "back " + backMillis
                    + " ms after the restart (retries at most " + RECONNECT_MAX_SECONDS + " s apart)");

            RawRtsp.Frame firstAfter = after.getFirst();
            int sequenceStep = (firstAfter.sequence() - lastBefore.sequence()) & 0xFFFF;
            assertTrue(sequenceStep >= 1 && sequenceStep < 1000, "sequence numbers continue: "
                    + lastBefore.sequence() + " then " + firstAfter.sequence());
            double mediaGap = ((firstAfter.timestamp() - lastBefore.timestamp()) & 0xFFFF_FFFFL) / 90_000.0;
            double wallGap = (firstAfterNanos - lastBeforeNanos) / 1e9;
            assertEquals(wallGap, mediaGap, 1.0, "the timeline continues across the outage: media time "
                    + mediaGap + " s for " + wallGap + " s");
            assertFalse(received.stream().anyMatch(RelayReconnectTest::isBye), "no RTCP BYE reached the reader");
            RawRtsp.Response alive = reader.request("GET_PARAMETER", url(), 3, "Session: " + session);
            assertEquals(200, alive.status(), "the same session is still there");
        } finally {
            upstream.close();
        }
    }

    private static List<RawRtsp.Frame> rtp(List<RawRtsp.Frame> frames) {
        return frames.stream().filter(f -> f.channel() == 0).toList();
    }

    /** An RTCP compound packet on channel 1 that holds a BYE (packet type 203). */
    private static boolean isBye(RawRtsp.Frame frame) {
        if (frame.channel() != 1) {
            return false;
        }
        byte[] data = frame.data();
        for (int at = 0; at + 4 <= data.length; ) {
            if ((data[at + 1] & 0xFF) == 203) {
                return true;
            }
            at += 4 * ((((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF)) + 1);
        }
        return false;
    }
}
