package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.client.testing.InterleavedCamera;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One dead camera must not slow the others down. 100 on-demand relays of healthy cameras, 10
 * of a camera that accepts connections and never answers, 10 of a closed port: all requested
 * at once, each healthy relay delivers its first packet about as fast as a relay on its own,
 * and each dead one answers with an error within its response timeout. (The same 100 healthy
 * ones without the dead, on relays of their own, are measured and reported for comparison.)
 */
class RelayIsolationTest {
    private static final int HEALTHY = 100;
    private static final int SILENT = 10;
    private static final int CLOSED = 10;
    private static final int ALONE_RUNS = 3;
    private static final int TIMEOUT_SECONDS = 2;
    private static final long MARGIN_MILLIS = 2000;

    private static final InterleavedCamera camera = start(FakeCamera::start);
    private static final SilentServer silent = start(SilentServer::new);
    private static final int closedPort = start(RelayIsolationTest::closedPort);

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(relays());

    /** Where and how fast one reader got an answer: the status, and the first RTP packet when it played. */
    private record Outcome(String path, int status, long answerMillis, long firstPacketMillis, String detail) {
    }

    private static Map<String, String> relays() {
        Map<String, String> configs = new HashMap<>();
        for (int i = 0; i < HEALTHY; i++) {
            configs.put("io.tributary.path-healthy" + i, relay("/healthy/" + i, camera.url("/cam/" + i)));
        }
        for (int i = 0; i < HEALTHY; i++) {
            configs.put("io.tributary.path-baseline" + i, relay("/baseline/" + i, camera.url("/baseline/" + i)));
        }
        for (int i = 0; i < ALONE_RUNS; i++) {
            configs.put("io.tributary.path-alone" + i, relay("/alone/" + i, camera.url("/alone/" + i)));
        }
        for (int i = 0; i < SILENT; i++) {
            configs.put("io.tributary.path-silent" + i, relay("/silent/" + i,
                    "rtsp://127.0.0.1:" + silent.port() + "/cam/" + i));
        }
        for (int i = 0; i < CLOSED; i++) {
            configs.put("io.tributary.path-closed" + i, relay("/closed/" + i,
                    "rtsp://127.0.0.1:" + closedPort + "/cam/" + i));
        }
        configs.put("io.tributary.path-probe", relay("/probe", camera.url("/probe")));
        return configs;
    }

    private static String relay(String path, String source) {
        // no linger: a relay whose reader is done lets go at once and does not load the next round
        return "path = " + path + "\nsource = " + source + "\nconnectTimeoutSeconds = " + TIMEOUT_SECONDS
                + "\nresponseTimeoutSeconds = " + TIMEOUT_SECONDS + "\nlingerSeconds = 0";
    }

    @AfterAll
    static void stopServers() throws IOException {
        camera.close();
        silent.close();
    }

    @Test
    void deadUpstreamsDoNotDelayHealthyOnes() throws Exception {
        assertTrue(Await.until(Duration.ofSeconds(10), () -> read("/probe").status() == 200), "relays configured");

        List<Long> alone = new ArrayList<>();
        for (int i = 0; i < ALONE_RUNS; i++) {
            Outcome o = read("/alone/" + i);
            assertEquals(200, o.status(), o.detail());
            assertTrue(o.firstPacketMillis() > 0, "/alone/" + i + " delivered no packet");
            alone.add(o.firstPacketMillis());
        }
        long aloneMillis = alone.stream().max(Long::compare).orElseThrow();

        // First the same load without dead cameras, on relays of their own: what this machine makes of
        // 100 at once (it also warms up the code paths, which the first burst would otherwise pay for).
        List<String> baselinePaths = new ArrayList<>();
        for (int i = 0; i < HEALTHY; i++) {
            baselinePaths.add("/baseline/" + i);
        }
        List<Outcome> baseline = readAllAtOnce(baselinePaths);

        List<String> paths = new ArrayList<>();
        for (int i = 0; i < HEALTHY; i++) {
            paths.add("/healthy/" + i);
        }
        for (int i = 0; i < SILENT; i++) {
            paths.add("/silent/" + i);
        }
        for (int i = 0; i < CLOSED; i++) {
            paths.add("/closed/" + i);
        }
        List<Outcome> outcomes = readAllAtOnce(paths);

        List<Outcome> healthy = of(outcomes, "/healthy/");
        List<Outcome> silentOnes = of(outcomes, "/silent/");
        List<Outcome> closedOnes = of(outcomes, "/closed/");
        System.out.printf("relay isolation: alone %s ms; %d healthy at once: first packet %s ms; %d healthy + %d silent"
                        + " + %d closed at once: healthy first packet %s ms, silent answered %s ms, closed answered %s ms%n",
                alone, HEALTHY, spread(baseline, Outcome::firstPacketMillis), HEALTHY, SILENT, CLOSED,
                spread(healthy, Outcome::firstPacketMillis), spread(silentOnes, Outcome::answerMillis),
                spread(closedOnes, Outcome::answerMillis));

        for (Outcome o : baseline) {
            assertEquals(200, o.status(), o.path() + ": " + o.detail());
            assertTrue(o.firstPacketMillis() > 0, o.path() + " delivered no packet: " + o.detail());
        }
        for (Outcome o : healthy) {
            assertEquals(200, o.status(), o.path() + ": " + o.detail());
            assertTrue(o.firstPacketMillis() > 0, o.path() + " delivered no packet: " + o.detail());
            assertTrue(o.firstPacketMillis() <= aloneMillis + MARGIN_MILLIS, o.path() + " first packet after "
                    + o.firstPacketMillis() + " ms; alone " + aloneMillis + " ms");
        }
        for (Outcome o : silentOnes) {
            assertEquals(503, o.status(), o.path() + ": " + o.detail());
            assertTrue(o.answerMillis() <= TIMEOUT_SECONDS * 1000L + MARGIN_MILLIS, o.path() + " answered after "
                    + o.answerMillis() + " ms; response timeout " + TIMEOUT_SECONDS + " s");
        }
        for (Outcome o : closedOnes) {
            assertEquals(503, o.status(), o.path() + ": " + o.detail());
            assertTrue(o.answerMillis() <= MARGIN_MILLIS, o.path() + " answered after " + o.answerMillis() + " ms");
        }
    }

    private static List<Outcome> readAllAtOnce(List<String> paths) throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(paths.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (String path : paths) {
                futures.add(readers.submit(() -> {
                    go.await();
                    return read(path);
                }));
            }
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            readers.shutdownNow();
        }
    }

    /** DESCRIBE, and when it succeeds SETUP, PLAY and the first RTP packet; times from the first byte sent. */
    private static Outcome read(String path) {
        String url = "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
        long start = System.nanoTime();
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response describe = rtsp.request("DESCRIBE", url, 1, "Accept: application/sdp");
            long answered = millisSince(start);
            if (describe.status() != 200) {
                return new Outcome(path, describe.status(), answered, -1, describe.statusLine() + " " + describe.body());
            }
            RawRtsp.Response setup = rtsp.request("SETUP", url + "/trackID=0", 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            if (setup.status() != 200) {
                return new Outcome(path, setup.status(), answered, -1, "SETUP " + setup.statusLine());
            }
            RawRtsp.Response play = rtsp.request("PLAY", url, 3, "Session: " + setup.header("Session").split(";")[0]);
            if (play.status() != 200) {
                return new Outcome(path, play.status(), answered, -1, "PLAY " + play.statusLine());
            }
            RawRtsp.Frame first = rtsp.nextFrame(0, 10_000);
            return new Outcome(path, 200, answered, first == null ? -1 : millisSince(start),
                    first == null ? "no RTP within 10 s" : "");
        } catch (IOException e) {
            return new Outcome(path, -1, millisSince(start), -1, e.toString());
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static List<Outcome> of(List<Outcome> outcomes, String prefix) {
        return outcomes.stream().filter(o -> o.path().startsWith(prefix)).toList();
    }

    /** min / median / p95 / max of a measure. */
    private static String spread(List<Outcome> outcomes, java.util.function.ToLongFunction<Outcome> measure) {
        List<Long> values = outcomes.stream().map(measure::applyAsLong).sorted(Comparator.naturalOrder()).toList();
        if (values.isEmpty()) {
            return "-";
        }
        return "min " + values.getFirst() + " / median " + values.get(values.size() / 2) + " / p95 "
                + values.get((int) Math.ceil(values.size() * 0.95) - 1) + " / max " + values.getLast();
    }

    /** A port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Accepts connections and never says a word: a hung camera. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(server.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private interface Opener<T> {
        T open() throws IOException;
    }

    private static <T> T start(Opener<T> opener) {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
