package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hostile-client suite: while 20 honest readers play a live path (10 over TCP interleaved,
 * 10 over UDP, all from 127.0.0.1), attack after attack comes from other loopback addresses
 * (other hosts to the server), each bounded in count and time. Each attack gets the answers
 * the server documents, and after each one every honest reader has received (within half a
 * second) at least 99 % of the bytes the stream carried in the attack's window, without a
 * sequence gap, the stream kept real time, and a newcomer's OPTIONS is answered within a
 * second. The limits are set small so that timeouts show within seconds. The test prints what
 * it observed as a Markdown table.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileClientsTest {
    private static final int IDLE_SECONDS = 3;
    private static final int REQUEST_TIMEOUT_SECONDS = 3;
    private static final int SESSION_TIMEOUT_SECONDS = 4;
    private static final int SLOW_READER_SECONDS = 2;
    private static final int MAX_CONNECTIONS_PER_CLIENT = 250;
    private static final int MAX_SESSIONS_PER_CLIENT = 40;
    /** Body limit of the RTSP decoder (RtspDecoder.Limits.DEFAULT). */
    private static final int MAX_BODY = 64 * 1024;
    private static final String PATH = "/live/hostile";
    /** Where the newcomer's OPTIONS after each attack comes from: a host that took part in no attack. */
    private static final String NEWCOMER = "127.0.0.200";
    private static final double MIN_SHARE = 0.99;

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(Map.of("io.tributary.engine.rtsp", String.join("\n",
            "idleConnectionSeconds = " + IDLE_SECONDS,
            "requestTimeoutSeconds = " + REQUEST_TIMEOUT_SECONDS,
            "sessionTimeoutSeconds = " + SESSION_TIMEOUT_SECONDS,
            "slowReaderSeconds = " + SLOW_READER_SECONDS,
            "maxConnectionsPerClient = " + MAX_CONNECTIONS_PER_CLIENT,
            "maxSessionsPerClient = " + MAX_SESSIONS_PER_CLIENT,
            // holds a GOP of the 11 Mbit/s path of the stalling reader, whose burst a new reader starts with
            "connectionQueueKilobytes = 2048")));

    /** One line of the table: what was done and what was seen. */
    private record Row(String attack, String sent, String answer, String effect) {
    }

    private static final List<Row> TABLE = new ArrayList<>();
    private static Publisher publisher;
    private static HonestReaders readers;
    private static HonestReaders.Window baseline;
    private static long runStart;
    private static long suiteStart;

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    private static int port() {
        return tributary.rtspPort();
    }

    @BeforeAll
    static void honestReadersPlayALivePath() throws Exception {
        suiteStart = System.nanoTime();
        // files for the URL tricks: one to serve, one hidden, and one outside the media folder
        Files.copy(tributary.home().resolve("demo/demo.mp4"), tributary.home().resolve("media/clip.mp4"));
        Files.copy(tributary.home().resolve("demo/demo.mp4"), tributary.home().resolve("media/.hidden.mp4"));
        Files.copy(tributary.home().resolve("demo/demo.mp4"), tributary.home().resolve("secret.mp4"));
        // a keyframe every 5 frames, about 400 kbit/s: a window of a few seconds holds hundreds of packets
        publisher = Publisher.testPattern(url(PATH), 5).awaitPublished(port());
        readers = HonestReaders.start(port(), url(PATH), 10, 10);
        Thread.sleep(1000); // past the cached GOP each reader starts with
        runStart = System.nanoTime();
        Thread.sleep(3000);
        baseline = readers.window(runStart, System.nanoTime());
        assertTrue(baseline.failures().isEmpty(), baseline.failures().toString());
        assertTrue(baseline.streamPackets() > 50, "the stream carries too little to measure: " + baseline);
        assertReadersKeptUp("baseline", baseline);
        add(new Row("(baseline, no attack)", "—", "—", effect(baseline)));
    }

    @AfterAll
    static void printTheTable() throws Exception {
        StringBuilder table = new StringBuilder("\n| attack | what was sent | server's answer | effect on honest readers |\n"
                + "|---|---|---|---|\n");
        for (Row row : TABLE) {
            table.append("| ").append(row.attack()).append(" | ").append(row.sent()).append(" | ")
                    .append(row.answer()).append(" | ").append(row.effect()).append(" |\n");
        }
        table.append(String.format(Locale.ROOT, "%nHostile-client suite: %.0f s in all (server start excluded)%n",
                (System.nanoTime() - suiteStart) / 1e9));
        System.out.println(table);
        if (readers != null) {
            readers.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    // 1. slowloris

    /**
     * Requests that trickle in one byte every 100 ms (headers, a body, an interleaved frame) get
     * 408 and are closed once the request timeout is over; a TLS handshake trickled the same way
     * is closed within the same time (there is no RTSP to answer it with).
     */
    @Test
    @Order(1)
    void slowlorisRequestsGet408AndAreClosedWithinTheRequestTimeout() throws Exception {
        long start = System.nanoTime();
        String from = "127.0.0.2";
        byte[] headers = ("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: " + "slow".repeat(500))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] bodyHead = ("SET_PARAMETER " + url(PATH) + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: text/parameters\r\n"
                + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = "x: y\r\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[4 + 1024];
        frame[0] = '$';
        frame[2] = 4; // 1024 bytes of channel 0 announced
        byte[] clientHello = clientHello();
        Map<String, byte[]> trickled = new LinkedHashMap<>();
        Map<String, List<ConnectionSwarm.Connection>> byKind = new LinkedHashMap<>();
        double timeout = REQUEST_TIMEOUT_SECONDS;
        try (ConnectionSwarm swarm = new ConnectionSwarm()) {
            for (int i = 0; i < 100; i++) {
                String kind = i < 60 ? "headers" : i < 80 ? "body" : i < 95 ? "$ frame" : "TLS handshake";
                ConnectionSwarm.Connection c = swarm.connect(from, port());
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(c);
                trickled.put(kind, switch (kind) {
                    case "headers" -> headers;
                    case "body" -> body;
                    case "$ frame" -> frame;
                    default -> clientHello;
                });
            }
            // the body's headers arrive at once; the body then trickles like the rest
            for (ConnectionSwarm.Connection c : byKind.get("body")) {
                swarm.send(c, bodyHead);
            }
            long deadline = System.nanoTime() + (long) ((timeout + 6) * 1e9);
            int at = 0;
            while (swarm.open() > 0 && System.nanoTime() < deadline) {
                for (Map.Entry<String, List<ConnectionSwarm.Connection>> kind : byKind.entrySet()) {
                    byte[] bytes = trickled.get(kind.getKey());
                    for (ConnectionSwarm.Connection c : kind.getValue()) {
                        // nothing more once the server has answered: the test only trickles
                        if (at < bytes.length && c.received.size() == 0) {
                            swarm.send(c, new byte[] {bytes[at]});
                        }
                    }
                }
                at++;
                swarm.pollUntil(Duration.ofMillis(100), () -> false);
            }
            List<String> answers = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, List<ConnectionSwarm.Connection>> kind : byKind.entrySet()) {
                boolean tls = kind.getKey().equals("TLS handshake");
                double first = Double.MAX_VALUE;
                double last = 0;
                int answered = 0;
                for (ConnectionSwarm.Connection c : kind.getValue()) {
                    if (!c.closed()) {
                        problems.add(kind.getKey() + ": still open after " + (timeout + 6) + " s");
                        continue;
                    }
                    double after = c.closedAfter(c.firstSentNanos);
                    first = Math.min(first, after);
                    last = Math.max(last, after);
                    if (c.status() == 408) {
                        answered++;
                    } else if (!tls) {
                        problems.add(kind.getKey() + ": answered " + c.text().lines().findFirst().orElse("nothing"));
                    }
                    if (after < timeout - 0.2 || after > timeout + 2) {
                        problems.add(String.format(Locale.ROOT, "%s: closed %.2f s after its first byte", kind.getKey(), after));
                    }
                }
                int closed = (int) kind.getValue().stream().filter(ConnectionSwarm.Connection::closed).count();
                answers.add(tls
                        ? String.format(Locale.ROOT, "%s: closed %d/%d without an answer (no RTSP yet) %.1f–%.1f s "
                                + "after the first byte", kind.getKey(), closed, kind.getValue().size(),
                        first == Double.MAX_VALUE ? 0 : first, last)
                        : String.format(Locale.ROOT, "%s: 408 on %d/%d, closed %.1f–%.1f s after the first byte",
                        kind.getKey(), answered, kind.getValue().size(), first == Double.MAX_VALUE ? 0 : first, last));
            }
            finish(start, "1. slowloris", "100 connections from 127.0.0.2, one byte every 100 ms: 60 trickle headers, "
                            + "20 a 1000-byte body, 15 an interleaved frame, 5 a TLS ClientHello",
                    String.join("; ", answers) + " (request timeout " + REQUEST_TIMEOUT_SECONDS + " s)", problems);
        }
    }

    // 2. thousands of idle connections

    /**
     * 3000 connections from 10 addresses, 300 each against a limit of 250: the 50 over the limit
     * are closed at once, the others (half of them after one OPTIONS) are closed once idle for
     * the idle timeout, and the server's connections and file descriptors come back.
     */
    @Test
    @Order(2)
    void thousandsOfIdleConnectionsAreRefusedOverTheLimitAndClosedAfterTheIdleTimeout() throws Exception {
        long start = System.nanoTime();
        int perAddress = 300;
        int addresses = 10;
        int fdsBefore = ServerWatch.openFileDescriptors();
        int serverBefore = settledServerConnections(); // the last attack's sockets may still be closing
        byte[] options = "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        List<String> problems = new ArrayList<>();
        String answer;
        try (ConnectionSwarm swarm = new ConnectionSwarm()) {
            for (int a = 0; a < addresses; a++) {
                String from = "127.0.0." + (20 + a);
                for (int i = 0; i < perAddress; i++) {
                    ConnectionSwarm.Connection c = swarm.connect(from, port());
                    if (i % 2 == 0) {
                        swarm.send(c, options);
                    }
                    if (i % 50 == 49) {
                        swarm.poll(0);
                    }
                }
            }
            double connectSeconds = (System.nanoTime() - start) / 1e9;
            swarm.pollUntil(Duration.ofMillis(300), () -> false); // the refused ones are closed by now
            // the peak: once the server has accepted what it admits, before the first idle ones close
            int[] peakSeen = {0};
            Await.until(Duration.ofMillis(1500), () -> {
                peakSeen[0] = Math.max(peakSeen[0], serverConnections());
                return peakSeen[0] >= serverBefore + addresses * MAX_CONNECTIONS_PER_CLIENT;
            });
            int peak = peakSeen[0];
            int fdsPeak = ServerWatch.openFileDescriptors();
            swarm.pollUntil(Duration.ofMillis(500), () -> false);
            ServerWatch.Probe during = ServerWatch.options(NEWCOMER, port());
            // refused: closed within a second of opening; the rest wait for the idle timeout
            Map<String, Integer> refused = new TreeMap<>();
            for (ConnectionSwarm.Connection c : swarm.connections()) {
                if (c.closed() && c.closedAfter(c.openedNanos) < 1.0) {
                    refused.merge(c.from, 1, Integer::sum);
                }
            }
            boolean allClosed = swarm.pollUntil(Duration.ofSeconds(IDLE_SECONDS + 6), () -> swarm.open() == 0);
            double first = Double.MAX_VALUE;
            double last = 0;
            double refusedMax = 0;
            int answeredOptions = 0;
            int askedOptions = 0;
            for (ConnectionSwarm.Connection c : swarm.connections()) {
                if (!c.closed()) {
                    continue;
                }
                double after = c.closedAfter(c.openedNanos);
                if (after < 1.0) {
                    refusedMax = Math.max(refusedMax, after);
                    continue;
                }
                first = Math.min(first, after);
                last = Math.max(last, after);
                if (c.firstSentNanos >= 0) {
                    askedOptions++;
                }
                if (c.status() == 200) {
                    answeredOptions++;
                }
            }
            swarm.close();
            boolean back = Await.until(Duration.ofSeconds(5), () -> serverConnections() == serverBefore);
            int serverAfter = ServerWatch.serverConnections(port());
            int fdsAfter = ServerWatch.openFileDescriptors();
            int accepted = addresses * perAddress - refused.values().stream().mapToInt(Integer::intValue).sum();
            answer = String.format(Locale.ROOT, "(opened in %.1f s) over the limit: %s closed at once (within %.0f ms); the other %d "
                            + "(%d answered OPTIONS first) closed %.1f–%.1f s after connecting (idle timeout %d s); "
                            + "server connections %d → %d → %d, fds %d → %d → %d; OPTIONS from a newcomer during the attack: %s",
                    connectSeconds, refused.values().stream().distinct().map(n -> n + " per address")
                            .reduce((a, b) -> a + " or " + b).orElse("none"),
                    refusedMax * 1000, accepted, answeredOptions, first, last, IDLE_SECONDS,
                    serverBefore, peak, serverAfter, fdsBefore, fdsPeak, fdsAfter, during);
            for (int a = 0; a < addresses; a++) {
                String from = "127.0.0." + (20 + a);
                if (refused.getOrDefault(from, 0) != perAddress - MAX_CONNECTIONS_PER_CLIENT) {
                    problems.add(from + ": " + refused.getOrDefault(from, 0) + " refused, expected "
                            + (perAddress - MAX_CONNECTIONS_PER_CLIENT));
                }
            }
            if (!allClosed) {
                problems.add(swarm.open() + " connections still open " + (IDLE_SECONDS + 6) + " s later");
            }
            if (first < IDLE_SECONDS - 0.3 || last > IDLE_SECONDS + 3) {
                problems.add(String.format(Locale.ROOT, "idle connections closed %.2f–%.2f s after connecting", first, last));
            }
            if (answeredOptions != askedOptions) {
                problems.add(answeredOptions + " of " + askedOptions + " admitted OPTIONS answered");
            }
            if (peak < serverBefore + accepted - 50) {
                problems.add("the server held only " + peak + " connections at the peak");
            }
            if (!back) {
                problems.add("server connections " + serverAfter + " afterwards, " + serverBefore + " before");
            }
            if (fdsAfter > fdsBefore + 20) {
                problems.add("file descriptors " + fdsBefore + " before, " + fdsAfter + " after");
            }
            if (during.status() != 200 || during.millis() >= 1000) {
                problems.add("a newcomer during the attack: " + during);
            }
        }
        finish(start, "2. idle connections", addresses * perAddress + " connections from 127.0.0.20–29 (" + perAddress
                + " each, limit " + MAX_CONNECTIONS_PER_CLIENT + " per address); half send one OPTIONS, then all stay silent",
                answer, problems);
    }

    /** The server's connections once the count has stayed the same for half a second (at most 10 s). */
    private static int settledServerConnections() throws InterruptedException {
        int last = serverConnections();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            int now = serverConnections();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static int serverConnections() {
        try {
            return ServerWatch.serverConnections(port());
        } catch (IOException e) {
            return -1;
        }
    }

    // 3. garbage and oversized requests

    /** One case of bad input: the bytes, the answers the decoder documents, and whether the connection survives. */
    private record BadInput(String name, byte[] bytes, List<Integer> statuses, boolean kept) {
    }

    /**
     * Each kind of bad input the decoder documents, on a connection of its own: the status it
     * promises, and the connection closed exactly where it calls the error fatal.
     */
    @Test
    @Order(3)
    void garbageAndOversizedRequestsGetTheDocumentedStatusAndFatalOnesAreClosed() throws Exception {
        long start = System.nanoTime();
        String options = "OPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n";
        byte[] junk = new byte[16 * 1024];
        Random random = new Random(1);
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (0x80 + random.nextInt(0x80)); // no line end anywhere, and not a TLS or $ start
        }
        byte[] junkLines = ascii("\u0001\u0002\u0003garbage\u0007\r\n\u0010\u0011more junk\r\n\r\n" + options);
        String big = "a".repeat(100 * 1024);
        StringBuilder manyHeaders = new StringBuilder("OPTIONS * RTSP/1.0\r\nCSeq: 4\r\n");
        for (int i = 0; i < 10_000; i++) {
            manyHeaders.append("X-H").append(i).append(": v\r\n");
        }
        manyHeaders.append("\r\n");
        String setParameter = "SET_PARAMETER " + url(PATH) + " RTSP/1.0\r\nCSeq: 6\r\nContent-Type: text/parameters\r\n";
        List<BadInput> cases = List.of(
                new BadInput("16 KiB of binary junk without a line end", junk, List.of(400), false),
                new BadInput("junk lines with control bytes, then a request", junkLines, List.of(400, 200), true),
                new BadInput("a header line of 100 KiB", ascii("OPTIONS * RTSP/1.0\r\nCSeq: 3\r\nX-Big: " + big
                        + "\r\n\r\n"), List.of(431), false),
                new BadInput("10 000 header fields", ascii(manyHeaders.toString()), List.of(431), false),
                new BadInput("Content-Length: 1000000000", ascii("ANNOUNCE " + url("/live/big") + " RTSP/1.0\r\nCSeq: 5\r\n"
                        + "Content-Type: application/sdp\r\nContent-Length: 1000000000\r\n\r\n"), List.of(413), false),
                new BadInput("a body of " + (MAX_BODY + 1) + " bytes (limit " + MAX_BODY + ")", ascii(setParameter
                        + "Content-Length: " + (MAX_BODY + 1) + "\r\n\r\n" + "p".repeat(MAX_BODY + 1)), List.of(413), false),
                new BadInput("a body of exactly " + MAX_BODY + " bytes", ascii(setParameter + "Content-Length: " + MAX_BODY
                        + "\r\n\r\n" + "p".repeat(MAX_BODY)), List.of(451), true),
                new BadInput("a request line of 1 MiB", ascii("DESCRIBE " + url("/") + "a".repeat(1 << 20)
                        + " RTSP/1.0\r\nCSeq: 7\r\n\r\n"), List.of(414), false),
                new BadInput("Content-Length: -1", ascii(setParameter + "Content-Length: -1\r\n\r\n"), List.of(400), false),
                new BadInput("two different Content-Lengths", ascii(setParameter + "Content-Length: 4\r\nContent-Length: 5"
                        + "\r\n\r\nabcde"), List.of(400), false),
                new BadInput("a NUL byte in a header", ascii("OPTIONS * RTSP/1.0\r\nCSeq: 8\r\nX-Nul: a\u0000b\r\n\r\n"),
                        List.of(400), true));
        List<String> answers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (BadInput bad : cases) {
            RawRtsp.Exchange seen = exchange("127.0.0.3", bad.bytes(), bad.statuses().size());
            answers.add(bad.name() + " → " + seen);
            if (!seen.statuses().equals(bad.statuses()) || seen.kept() != bad.kept()) {
                problems.add(bad.name() + ": expected " + bad.statuses() + (bad.kept() ? " and kept" : " and closed")
                        + ", got " + seen);
            }
        }
        // more requests in a row than a connection queues (32): the connection is closed
        StringBuilder pipelined = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            pipelined.append("OPTIONS * RTSP/1.0\r\nCSeq: ").append(i).append("\r\n\r\n");
        }
        int answered = 0;
        boolean closedAfterPipeline = false;
        try (RawRtsp rtsp = new RawRtsp("127.0.0.3", port(), 0)) {
            try {
                rtsp.send(pipelined.toString());
                while (answered < 1000) {
                    RawRtsp.Response r = rtsp.read();
                    if (r.status() != 200 || !Integer.toString(answered + 1).equals(r.header("CSeq"))) {
                        problems.add("pipelined OPTIONS " + (answered + 1) + " answered " + r.statusLine() + " CSeq "
                                + r.header("CSeq"));
                        break;
                    }
                    answered++;
                }
            } catch (IOException e) {
                closedAfterPipeline = true;
            }
        }
        answers.add("1000 OPTIONS pipelined in one write → " + answered + " answered in order, then "
                + (closedAfterPipeline ? "closed" : "kept"));
        if (!closedAfterPipeline || answered > 32) {
            problems.add("1000 pipelined OPTIONS: " + answered + " answered, " + (closedAfterPipeline ? "closed" : "kept"));
        }
        finish(start, "3. garbage and oversized requests", "one connection each from 127.0.0.3: "
                + cases.stream().map(BadInput::name).reduce((a, b) -> a + "; " + b).orElseThrow()
                + "; 1000 OPTIONS pipelined in one write",
                String.join("; ", answers), problems);
    }

    /** {@link RawRtsp#exchange(byte[], int)} on a new connection from {@code from}. */
    private static RawRtsp.Exchange exchange(String from, byte[] bytes, int answers) throws Exception {
        try (RawRtsp rtsp = new RawRtsp(from, port(), 0)) {
            return rtsp.exchange(bytes, answers);
        }
    }

    // 4. interleaved frames without a session

    /**
     * {@code $} frames reach only channels a session of the same connection claimed: without one
     * they are dropped, whatever SSRC they claim, and a borrowed session id gets 454.
     */
    @Test
    @Order(4)
    void interleavedFramesWithoutASessionAreIgnored() throws Exception {
        long start = System.nanoTime();
        String from = "127.0.0.4";
        byte[] flood = frameFlood();
        List<String> answers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> honestBefore = ServerWatch.sessionsByClient(tributary.bundleContext());
        try (RawRtsp fresh = new RawRtsp(from, port(), 0)) {
            fresh.sendBytes(flood);
            RawRtsp.Response after = fresh.request("OPTIONS", "*", 1);
            answers.add("fresh connection: no answer to the frames, then OPTIONS " + after.status());
            expect(problems, "OPTIONS after frames on a fresh connection", 200, after.status());
        }
        String tcpVictim = readers.sessionIds().get(0);
        String udpVictim = readers.sessionIds().get(readers.size() - 1);
        try (RawRtsp thief = new RawRtsp(from, port(), 0)) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            int cseq = 1;
            for (String victim : List.of(tcpVictim, udpVictim)) {
                for (String method : List.of("PLAY", "PAUSE", "TEARDOWN", "SETUP")) {
                    String[] headers = method.equals("SETUP")
                            ? new String[] {"Session: " + victim, "Transport: RTP/AVP/TCP;unicast;interleaved=0-1"}
                            : new String[] {"Session: " + victim};
                    RawRtsp.Response r = thief.request(method, url(PATH) + (method.equals("SETUP") ? "/trackID=0" : ""),
                            cseq++, headers);
                    seen.merge(method + " " + r.status(), 1, Integer::sum);
                    expect(problems, method + " with another client's session", 454, r.status());
                }
            }
            thief.sendBytes(flood);
            RawRtsp.Response after = thief.request("OPTIONS", "*", cseq++);
            expect(problems, "OPTIONS after frames with another client's session id", 200, after.status());
            answers.add("with 2 honest readers' session ids: " + seen.keySet() + " ×2, frames ignored, OPTIONS "
                    + after.status());
        }
        try (RawRtsp own = new RawRtsp(from, port(), 0)) {
            RawRtsp.Response setup = own.request("SETUP", url(PATH) + "/trackID=0", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            expect(problems, "SETUP of its own session", 200, setup.status());
            String session = setup.header("Session").split(";")[0];
            own.sendBytes(flood);
            RawRtsp.Response after = own.request("OPTIONS", "*", 2, "Session: " + session);
            expect(problems, "OPTIONS after frames on its own session", 200, after.status());
            answers.add("on its own reader session (forged RTP and RTCP BYE with the stream's SSRC on its channels): "
                    + "ignored, OPTIONS " + after.status());
        }
        Map<String, Integer> honestAfter = ServerWatch.sessionsByClient(tributary.bundleContext());
        if (!honestAfter.get("127.0.0.1").equals(honestBefore.get("127.0.0.1"))) {
            problems.add("sessions of 127.0.0.1: " + honestBefore + " before, " + honestAfter + " after");
        }
        finish(start, "4. `$` frames without a session", "from 127.0.0.4, " + flood.length / 1024 + " KiB of frames "
                        + "each time (every channel 0–255: RTP with the stream's SSRC, RTCP BYE for it, empty and "
                        + "65 535-byte frames) on a fresh connection, after requests naming 2 honest readers' "
                        + "session ids, and on its own session",
                String.join("; ", answers), problems);
    }

    private static byte[] frameFlood() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long ssrc = readers.streamSsrc();
        Random random = new Random(4);
        for (int round = 0; round < 8; round++) {
            for (int channel = 0; channel < 256; channel++) {
                byte[] data;
                if (channel % 2 == 0) {
                    data = new byte[200];
                    random.nextBytes(data);
                    data[0] = (byte) 0x80;
                    data[1] = 96;
                    putInt(data, 8, ssrc);
                } else {
                    data = new byte[8];
                    data[0] = (byte) 0x81;
                    data[1] = (byte) 203; // BYE
                    data[3] = 1;
                    putInt(data, 4, ssrc);
                }
                out.writeBytes(RawRtsp.interleaved(channel, data));
            }
        }
        for (int channel = 0; channel < 4; channel++) {
            out.writeBytes(RawRtsp.interleaved(channel, new byte[0]));
            out.writeBytes(RawRtsp.interleaved(channel, new byte[65535]));
        }
        return out.toByteArray();
    }

    // 5. SETUP floods

    /**
     * Thousands of SETUPs, each asking for a new session: the per-address limit answers 453, and
     * the sessions that were made (UDP, never played) time out, so the session count comes back.
     */
    @Test
    @Order(5)
    void setupFloodsGet453AtTheSessionLimitAndTheirSessionsTimeOut() throws Exception {
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        int sessionsBefore = ServerWatch.sessions(tributary.bundleContext());
        long heapBefore = ServerWatch.usedHeapMegabytes();
        List<String> attackers = List.of("127.0.0.5", "127.0.0.6");
        int connections = 4;
        int perConnection = 250;
        Map<Integer, AtomicInteger> statuses = new TreeMap<>();
        AtomicInteger peak = new AtomicInteger();
        List<RawRtsp> held = new ArrayList<>();
        try {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (String from : attackers) {
                for (int c = 0; c < connections; c++) {
                    RawRtsp rtsp = new RawRtsp(from, port(), 0);
                    held.add(rtsp);
                    int base = 20_000 + 1000 * c;
                    threads.add(Thread.ofPlatform().start(() -> {
                        try {
                            setupFlood(rtsp, perConnection, base, statuses, peak);
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }));
                }
            }
            for (Thread thread : threads) {
                thread.join(60_000);
            }
            assertTrue(errors.isEmpty(), "flood failed: " + errors);
            Map<String, Integer> during = ServerWatch.sessionsByClient(tributary.bundleContext());
            long floodEnd = System.nanoTime();
            // interleaved too: sessions set up on one connection and never played time out while it stays open
            int tcpOk = 0;
            int tcpRefused = 0;
            int tcpHeldAfterTimeout;
            boolean expired;
            double expiredAfter;
            try (RawRtsp tcp = new RawRtsp("127.0.0.16", port(), 0)) {
                for (int i = 0; i < 100; i++) {
                    int status = tcp.request("SETUP", url(PATH) + "/trackID=0", i + 1,
                            "Transport: RTP/AVP/TCP;unicast").status();
                    if (status == 200) {
                        tcpOk++;
                    } else if (status == 453) {
                        tcpRefused++;
                    } else {
                        problems.add("interleaved SETUP flood: " + status);
                    }
                }
                expired = Await.until(Duration.ofSeconds(SESSION_TIMEOUT_SECONDS + 4), () -> {
                    Map<String, Integer> now = ServerWatch.sessionsByClient(tributary.bundleContext());
                    return attackers.stream().noneMatch(now::containsKey) && !now.containsKey("127.0.0.16");
                });
                expiredAfter = (System.nanoTime() - floodEnd) / 1e9;
                tcpHeldAfterTimeout = ServerWatch.sessionsByClient(tributary.bundleContext()).getOrDefault("127.0.0.16", 0);
            }
            boolean tcpGone = tcpHeldAfterTimeout == 0;
            // with their sessions gone, the attackers' quiet connections are idle ones
            boolean connectionsClosed = true;
            for (RawRtsp rtsp : held) {
                connectionsClosed &= rtsp.closedByServer((IDLE_SECONDS + 3) * 1000);
            }
            double closedAfter = (System.nanoTime() - floodEnd) / 1e9;
            int sessionsAfter = ServerWatch.sessions(tributary.bundleContext());
            long heapAfter = ServerWatch.usedHeapMegabytes();
            int total = attackers.size() * connections * perConnection;
            int ok = statuses.getOrDefault(200, new AtomicInteger()).get();
            int refused = statuses.getOrDefault(453, new AtomicInteger()).get();
            List<String> others = statuses.keySet().stream().filter(st -> st != 200 && st != 453)
                    .map(st -> statuses.get(st).get() + " × " + st).toList();
            String answer = String.format(Locale.ROOT, "UDP: %d × 200 then %d × 453%s; sessions of the 2 attackers at "
                            + "the peak %s; all timed out %.1f s after the flood (session timeout %d s), their quiet "
                            + "connections then closed (%.1f s); interleaved: %d × 200, %d × 453, %d of them left after "
                            + "the session timeout with the silent connection still open (set up but never played: they "
                            + "time out like any); server sessions %d → %d; heap %d → %d MiB",
                    ok, refused, others.isEmpty() ? "" : " and " + String.join(", ", others),
                    during.entrySet().stream().filter(e -> attackers.contains(e.getKey())).toList(), expiredAfter,
                    SESSION_TIMEOUT_SECONDS, closedAfter, tcpOk, tcpRefused, tcpHeldAfterTimeout, sessionsBefore, sessionsAfter,
                    heapBefore, heapAfter);
            expect(problems, "SETUPs answered 200", attackers.size() * MAX_SESSIONS_PER_CLIENT, ok);
            expect(problems, "SETUPs answered 453", total - attackers.size() * MAX_SESSIONS_PER_CLIENT, refused);
            if (peak.get() > sessionsBefore + attackers.size() * MAX_SESSIONS_PER_CLIENT) {
                problems.add("sessions peaked at " + peak.get());
            }
            expect(problems, "interleaved SETUPs answered 200", MAX_SESSIONS_PER_CLIENT, tcpOk);
            if (!tcpGone) {
                problems.add("interleaved sessions never played outlived the session timeout: " + tcpHeldAfterTimeout);
            }
            if (!expired) {
                problems.add("flood sessions still there " + expiredAfter + " s after the flood: "
                        + ServerWatch.sessionsByClient(tributary.bundleContext()));
            }
            if (!connectionsClosed) {
                problems.add("the flooders' connections stayed open after their sessions ended");
            }
            expect(problems, "sessions after the flood", sessionsBefore, sessionsAfter);
            if (heapAfter > heapBefore + 64) {
                problems.add("heap grew from " + heapBefore + " to " + heapAfter + " MiB");
            }
            finish(start, "5. SETUP flood without PLAY", String.format(Locale.ROOT, "%d SETUPs (UDP, each without "
                            + "Session, so each asks for a new session) from 127.0.0.5 and .6 over %d connections, "
                            + "pipelined 25 at a time; then 100 interleaved SETUPs on one connection from 127.0.0.16 "
                            + "(limit %d sessions per address)", total, attackers.size() * connections,
                    MAX_SESSIONS_PER_CLIENT), answer, problems);
        } finally {
            for (RawRtsp rtsp : held) {
                rtsp.close();
            }
        }
    }

    /** SETUPs pipelined 25 at a time (the server takes up to 32 in a row), counting the statuses. */
    private static void setupFlood(RawRtsp rtsp, int count, int portBase, Map<Integer, AtomicInteger> statuses,
                                   AtomicInteger peak) throws IOException {
        int batch = 25;
        for (int sent = 0; sent < count; sent += batch) {
            StringBuilder requests = new StringBuilder();
            for (int i = sent; i < sent + batch; i++) {
                int clientPort = portBase + 2 * (i % 400);
                requests.append("SETUP ").append(url(PATH)).append("/trackID=0 RTSP/1.0\r\nCSeq: ").append(i + 1)
                        .append("\r\nTransport: RTP/AVP;unicast;client_port=").append(clientPort).append('-')
                        .append(clientPort + 1).append("\r\n\r\n");
            }
            rtsp.send(requests.toString());
            for (int i = 0; i < batch; i++) {
                int status = rtsp.read().status();
                synchronized (statuses) {
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }
            peak.accumulateAndGet(ServerWatch.sessions(tributary.bundleContext()), Math::max);
        }
    }

    // 6. a reader that never reads

    /**
     * The stalling reader plays a path of its own fed at about 11 Mbit/s: the server's socket
     * buffer for it (a few MiB on some kernels) must fill before its queue does, which the honest
     * stream would take a minute to do. A fast reader of the same path and the honest readers of
     * the other path lose nothing.
     */
    @Test
    @Order(6)
    void aPlayingClientThatNeverReadsIsDisconnectedAndOthersAreUnaffected() throws Exception {
        long start = System.nanoTime();
        String from = "127.0.0.7";
        String busyPath = "/live/busy";
        List<String> problems = new ArrayList<>();
        Path clip = tributary.home().resolve("busy.mp4");
        ExternalTool.Result made = ExternalTool.run(Duration.ofSeconds(60), "ffmpeg", "-nostdin", "-v", "error",
                "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-t", "3", "-c:v", "libx264",
                "-preset", "ultrafast", "-qp", "12", "-g", "30", "-bf", "0", "-threads", "1", clip.toString());
        assertEquals(0, made.exitCode(), made.stderr());
        try (Publisher busy = Publisher.loop(clip, url(busyPath), "tcp").awaitPublished(port());
             RawRtsp stalled = new RawRtsp(from, port(), 4096)) {
            RawRtsp.Response setup = stalled.request("SETUP", url(busyPath) + "/trackID=0", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            expect(problems, "SETUP of the stalling reader", 200, setup.status());
            RawRtsp.Response play = stalled.request("PLAY", url(busyPath), 2,
                    "Session: " + setup.header("Session").split(";")[0]);
            expect(problems, "PLAY of the stalling reader", 200, play.status());
            long played = System.nanoTime();
            java.util.concurrent.CompletableFuture<RawRtsp.Received> fast = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try (RawRtsp reader = new RawRtsp("127.0.0.17", port(), 0)) {
                            RawRtsp.Response s = reader.request("SETUP", url(busyPath) + "/trackID=0", 1,
                                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
                            reader.request("PLAY", url(busyPath), 2, "Session: " + s.header("Session").split(";")[0]);
                            return reader.count(0, 8000);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, task -> Thread.ofVirtual().start(task));
            boolean ended = Await.until(Duration.ofSeconds(30),
                    () -> !ServerWatch.sessionsByClient(tributary.bundleContext()).containsKey(from));
            double after = (System.nanoTime() - played) / 1e9;
            boolean closed = stalled.closedByServer(5000);
            RawRtsp.Received fastReader = fast.get(30, java.util.concurrent.TimeUnit.SECONDS);
            if (!ended) {
                problems.add("the stalled reader's session still exists 30 s after PLAY");
            } else if (after < SLOW_READER_SECONDS) {
                problems.add(String.format(Locale.ROOT, "disconnected %.1f s after PLAY, before slowReaderSeconds", after));
            }
            if (!closed) {
                problems.add("the stalled reader's connection is still open");
            }
            expect(problems, "sequence gaps of a fast reader of the same path", 0, fastReader.sequenceGaps());
            if (fastReader.packets() < 8 * 500) {
                problems.add("a fast reader of the same path got only " + fastReader);
            }
            assertTrue(busy.alive(), busy.output());
            finish(start, "6. reader that never reads", "from 127.0.0.7: SETUP + PLAY over TCP with a 4 KiB receive "
                            + "buffer, then never reads, on a path of its own fed at about 11 Mbit/s (slowReaderSeconds "
                            + SLOW_READER_SECONDS + ", connectionQueueKilobytes 2048); a fast reader of that path from "
                            + "127.0.0.17",
                    String.format(Locale.ROOT, "session ended and connection closed %.1f s after PLAY (once the "
                            + "socket buffer and the 2 MiB queue were full, %d s of a full queue); the fast reader of "
                            + "the same path: %d packets in 8 s, %d gaps", after, SLOW_READER_SECONDS,
                            fastReader.packets(), fastReader.sequenceGaps()), problems);
        }
    }

    // 7. UDP media aimed at a third party

    /**
     * UDP media goes only to the RTSP client's own address and to unprivileged ports: another
     * {@code destination} is 403, ports below 1024 are 461, impossible ones 400, and "hole
     * punches" from a third party cannot divert a session there.
     */
    @Test
    @Order(7)
    void udpMediaCannotBeAimedAtAThirdParty() throws Exception {
        long start = System.nanoTime();
        String from = "127.0.0.8";
        List<String> problems = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        DatagramSocket[] victim = HonestReaders.udpPortPair("127.0.0.9");
        DatagramSocket[] own = HonestReaders.udpPortPair(from);
        AtomicInteger atVictim = new AtomicInteger();
        List<Thread> listeners = new ArrayList<>();
        for (DatagramSocket socket : victim) {
            listeners.add(Thread.ofPlatform().daemon().start(() -> count(socket, atVictim)));
        }
        try (RawRtsp attacker = new RawRtsp(from, port(), 0)) {
            int v = victim[0].getLocalPort();
            String track = url(PATH) + "/trackID=0";
            Map<String, Integer> cases = new LinkedHashMap<>();
            cases.put("destination=127.0.0.9;client_port=" + v + "-" + (v + 1), 403);
            cases.put("destination=localhost;client_port=" + v + "-" + (v + 1), 403);
            cases.put("destination=127.0.0.1;client_port=" + v + "-" + (v + 1), 403);
            cases.put("client_port=53-54", 461);
            cases.put("client_port=1023-1024", 461);
            cases.put("client_port=0-1", 400);
            cases.put("client_port=65535", 400);
            cases.put("client_port=70000-70001", 400);
            int cseq = 1;
            Observed seen = new Observed();
            for (Map.Entry<String, Integer> c : cases.entrySet()) {
                RawRtsp.Response r = attacker.request("SETUP", track, cseq++, "Transport: RTP/AVP;unicast;" + c.getKey());
                seen.add(r.status(), c.getKey().replace(v + "-" + (v + 1), "(its ports)"));
                expect(problems, "SETUP " + c.getKey(), c.getValue(), r.status());
            }
            RawRtsp.Response multicast = attacker.request("SETUP", track, cseq++,
                    "Transport: RTP/AVP;multicast;destination=127.0.0.9;port=" + v + "-" + (v + 1));
            seen.add(multicast.status(), "multicast;destination=127.0.0.9");
            expect(problems, "multicast SETUP to a third party", 461, multicast.status());
            answers.add(seen.toString());
            // its own address is allowed; a "hole punch" from the third party must not divert that session
            int o = own[0].getLocalPort();
            RawRtsp.Response allowed = attacker.request("SETUP", track, cseq++,
                    "Transport: RTP/AVP;unicast;destination=" + from + ";client_port=" + o + "-" + (o + 1));
            expect(problems, "SETUP to its own address", 200, allowed.status());
            Matcher ports = Pattern.compile("server_port=(\\d+)-(\\d+)").matcher(allowed.header("Transport"));
            assertTrue(ports.find(), allowed.header("Transport"));
            InetAddress server = InetAddress.getByName("127.0.0.1");
            byte[] punch = {(byte) 0x80, 96, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            for (int i = 0; i < 5; i++) {
                victim[0].send(new DatagramPacket(punch, punch.length, server, Integer.parseInt(ports.group(1))));
                victim[1].send(new DatagramPacket(punch, punch.length, server, Integer.parseInt(ports.group(2))));
            }
            String session = allowed.header("Session").split(";")[0];
            RawRtsp.Response play = attacker.request("PLAY", url(PATH), cseq++, "Session: " + session);
            expect(problems, "PLAY to its own address", 200, play.status());
            AtomicInteger atOwn = new AtomicInteger();
            Thread ownListener = Thread.ofPlatform().daemon().start(() -> count(own[0], atOwn));
            Thread.sleep(2500);
            attacker.request("TEARDOWN", url(PATH), cseq, "Session: " + session);
            ownListener.join(1000);
            Thread.sleep(500);
            answers.add("`destination=" + from + "` (its own address) " + allowed.status() + ", PLAY " + play.status()
                    + ": " + atOwn.get() + " packets at its own port in 2.5 s despite \"hole punches\" from 127.0.0.9; "
                    + atVictim.get() + " datagrams ever reached 127.0.0.9");
            if (atOwn.get() == 0) {
                problems.add("no media at the attacker's own port: the allowed case did not stream");
            }
            expect(problems, "datagrams at the third party", 0, atVictim.get());
        } finally {
            for (DatagramSocket socket : victim) {
                socket.close();
            }
            for (DatagramSocket socket : own) {
                socket.close();
            }
            for (Thread listener : listeners) {
                listener.join(1000);
            }
        }
        finish(start, "7. UDP `client_port` aimed at a third party", "SETUP from 127.0.0.8 with a third party's "
                + "address or privileged or impossible ports; a listener on 127.0.0.9 counts every datagram",
                String.join("; ", answers), problems);
    }

    private static void count(DatagramSocket socket, AtomicInteger counter) {
        byte[] buffer = new byte[65536];
        try {
            socket.setSoTimeout(200);
            while (!socket.isClosed()) {
                try {
                    socket.receive(new DatagramPacket(buffer, buffer.length));
                    counter.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // keep listening until the socket is closed
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    // 8. UDP floods at the server's ports

    /**
     * Datagrams from hosts without a session, forged or random, are dropped by the shared UDP
     * ports without effect on the sessions that use them.
     */
    @Test
    @Order(8)
    void udpFloodsAtTheServerPortsLeaveReadersUnaffected() throws Exception {
        long start = System.nanoTime();
        int[] serverPorts = readers.serverUdpPorts();
        long ssrc = readers.streamSsrc();
        int perAddress = 20_000;
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> sessionsBefore = ServerWatch.sessionsByClient(tributary.bundleContext());
        InetAddress server = InetAddress.getByName("127.0.0.1");
        List<Thread> senders = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        long deadline = System.nanoTime() + 3_000_000_000L;
        for (int a = 0; a < 3; a++) {
            String from = "127.0.0." + (10 + a);
            Random random = new Random(a);
            senders.add(Thread.ofPlatform().start(() -> {
                try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(from, 0))) {
                    for (int i = 0; i < perAddress && System.nanoTime() < deadline; i++) {
                        byte[] data = hostileDatagram(i, random, ssrc);
                        int to = serverPorts[i % 2];
                        socket.send(new DatagramPacket(data, data.length, server, to));
                        sent.incrementAndGet();
                        if (i % 500 == 499) {
                            Thread.sleep(5); // bounded rate: about 100 000 datagrams a second at most
                        }
                    }
                } catch (Exception e) {
                    problems.add(from + ": " + e);
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join(10_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> sessionsAfter = ServerWatch.sessionsByClient(tributary.bundleContext());
        if (!sessionsAfter.get("127.0.0.1").equals(sessionsBefore.get("127.0.0.1"))) {
            problems.add("honest sessions " + sessionsBefore + " before, " + sessionsAfter + " after");
        }
        finish(start, "8. UDP flood at the server's RTP and RTCP ports", String.format(Locale.ROOT,
                        "%d datagrams in %.1f s from 127.0.0.10–12 to ports %d and %d: random bytes, RTP with the stream's "
                                + "SSRC, RTCP BYE/SR/RR for it, empty, up to 8 KiB", sent.get(), seconds, serverPorts[0],
                        serverPorts[1]),
                "ignored (no answer; no honest session ended: 127.0.0.1 had " + sessionsBefore.get("127.0.0.1")
                        + " before and " + sessionsAfter.get("127.0.0.1") + " after)", problems);
    }

    private static byte[] hostileDatagram(int i, Random random, long ssrc) {
        byte[] data;
        switch (i % 6) {
            case 0 -> {
                data = new byte[1 + random.nextInt(1400)];
                random.nextBytes(data);
            }
            case 1 -> {
                data = new byte[12 + random.nextInt(1400)];
                random.nextBytes(data);
                data[0] = (byte) 0x80;
                data[1] = 96;
                putInt(data, 8, ssrc);
            }
            case 2 -> {
                data = new byte[8];
                data[0] = (byte) 0x81;
                data[1] = (byte) 203; // BYE
                data[3] = 1;
                putInt(data, 4, ssrc);
            }
            case 3 -> {
                data = new byte[28];
                data[0] = (byte) 0x80;
                data[1] = (byte) 200; // SR
                data[3] = 6;
                putInt(data, 4, ssrc);
            }
            case 4 -> {
                data = new byte[32];
                data[0] = (byte) 0x81;
                data[1] = (byte) 201; // RR with one report block about the stream
                data[3] = 7;
                putInt(data, 4, random.nextInt());
                putInt(data, 8, ssrc);
                data[12] = (byte) 0xff; // fraction lost: everything
            }
            default -> data = random.nextBoolean() ? new byte[0] : new byte[8192];
        }
        return data;
    }

    // 9. URL tricks

    /**
     * Dot segments, encoded slashes and dots, overlong UTF-8, backslashes, NUL and empty segments:
     * never the file placed outside the media folder, nor a hidden one.
     */
    @Test
    @Order(9)
    void urlTricksNeverReachAFileOutsideTheMediaFolder() throws Exception {
        long start = System.nanoTime();
        String base = "rtsp://127.0.0.1:" + port();
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put("/vod/clip.mp4", 200); // the control: a file that is served
        cases.put("/vod/../secret.mp4", 404);
        cases.put("/vod/../../etc/passwd", 404);
        cases.put("/vod/%2e%2e/secret.mp4", 404);
        cases.put("/vod/%2E%2E%2Fsecret.mp4", 404);
        cases.put("/vod/..%2Fsecret.mp4", 404);
        cases.put("/vod/%2Fetc%2Fpasswd", 404);
        cases.put("/vod/%c0%ae%c0%ae/secret.mp4", 404);
        cases.put("/vod/%c0%af..%c0%afsecret.mp4", 404);
        cases.put("/vod/..\\secret.mp4", 404);
        cases.put("/vod/..%5Csecret.mp4", 404);
        cases.put("/vod//etc/passwd", 404);
        cases.put("//etc/passwd", 404);
        cases.put("/vod/.hidden.mp4", 404);
        cases.put("/vod/clip.mp4/../../secret.mp4", 404);
        cases.put("/vod/clip.mp4%00.txt", 400);
        cases.put("/vod/%zz", 400);
        Observed seen = new Observed();
        List<String> problems = new ArrayList<>();
        try (RawRtsp rtsp = new RawRtsp("127.0.0.13", port(), 0)) {
            int cseq = 1;
            for (Map.Entry<String, Integer> c : cases.entrySet()) {
                RawRtsp.Response r = rtsp.request("DESCRIBE", base + c.getKey(), cseq++);
                seen.add(r.status(), c.getKey());
                expect(problems, "DESCRIBE " + c.getKey(), c.getValue(), r.status());
            }
            for (String raw : List.of("file:///etc/passwd", "/vod/../secret.mp4")) {
                RawRtsp.Response r = rtsp.request("DESCRIBE", raw, cseq++);
                seen.add(r.status(), raw, " (as the request URI)");
                expect(problems, "DESCRIBE " + raw, raw.startsWith("file:") ? 400 : 404, r.status());
            }
            RawRtsp.Response setup = rtsp.request("SETUP", base + "/vod/%2e%2e/secret.mp4/trackID=0", cseq,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            seen.add(setup.status(), "/vod/%2e%2e/secret.mp4/trackID=0", " (SETUP)");
            expect(problems, "SETUP of a file outside the media folder", 404, setup.status());
        }
        finish(start, "9. `../` and percent tricks in URLs", "DESCRIBE from 127.0.0.13 of " + cases.size()
                        + " URLs (`secret.mp4` exists one level above the media folder, `.hidden.mp4` in it), plus a "
                        + "`file:` URI, a relative URI and a SETUP",
                seen + " (never the file outside the media folder, nor the hidden one)", problems);
    }

    // 10. malformed headers

    /**
     * Several malformed values of each header a request's meaning depends on: 400 when they cannot
     * be read, 457 or 461 when they can but ask for what is not served, 454 for someone else's
     * session, never 500, and the connection stays usable (these errors are not fatal).
     */
    @Test
    @Order(10)
    void malformedHeadersGetPreciseStatusesAndTheConnectionIsKept() throws Exception {
        long start = System.nanoTime();
        List<String> answers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String track = url(PATH) + "/trackID=0";
        try (RawRtsp rtsp = new RawRtsp("127.0.0.14", port(), 0)) {
            int[] cseq = {1};
            Map<String, Integer> transports = new LinkedHashMap<>();
            transports.put("", 400);
            transports.put(",,,", 400);
            transports.put("RTP", 400);
            transports.put("RTP/AVP;unicast;client_port=abc", 400);
            transports.put("RTP/AVP;unicast;client_port=5002-5000", 400);
            transports.put("RTP/AVP;unicast;client_port=\"5000-5001", 400);
            transports.put("RTP/AVP;unicast;ttl=999;client_port=5000-5001", 400);
            transports.put("RTP/AVP;unicast;mode=;client_port=5000-5001", 400);
            transports.put("RTP/AVP/TCP;interleaved=300-301", 400);
            transports.put("RTP/AVP/TCP;interleaved=0-5", 461);
            transports.put("RTP/AVP/DCCP;unicast", 461);
            transports.put("FOO/BAR;unicast", 461);
            transports.put("RTP/AVP/DCCP,".repeat(500) + "RTP/AVP/SCTP", 461);
            answers.add("Transport: " + ask(rtsp, cseq, "SETUP", track, transports, v -> "Transport: " + v,
                    HostileClientsTest::shown, problems));

            RawRtsp.Response vod = rtsp.request("SETUP", url("/vod/clip.mp4/trackID=0"), cseq[0]++,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            expect(problems, "SETUP of its own file session", 200, vod.status());
            String own = vod.header("Session").split(";")[0];
            Map<String, Integer> ranges = new LinkedHashMap<>();
            ranges.put("npt=abc-", 400);
            ranges.put("bogus", 400);
            ranges.put("npt=1e3-", 400);
            ranges.put("npt=0:99:00-", 400);
            ranges.put("clock=2026-", 400);
            ranges.put("npt=10-5", 457);
            ranges.put("npt=-5", 457);
            ranges.put("smpte=0:00:10-0:00:05", 457);
            ranges.put("smpte=0:00:99-", 400);
            ranges.put("npt=99999999999999999999-", 457);
            answers.add("Range (PLAY of its own file session): " + ask(rtsp, cseq, "PLAY", url("/vod/clip.mp4"), ranges,
                    v -> "Session: " + own + "\r\nRange: " + v, HostileClientsTest::shown, problems));

            Map<String, Integer> sessions = new LinkedHashMap<>();
            sessions.put("", 400);
            sessions.put(";timeout=5", 400);
            sessions.put("abc;timeout=xyz", 400);
            sessions.put("abc;timeout=0", 400);
            sessions.put("\"quoted\"", 400);
            sessions.put("a b", 400);
            sessions.put("a".repeat(300), 400);
            sessions.put(own + ";timeout=abc", 400);
            sessions.put("0".repeat(32), 454);
            sessions.put(readers.sessionIds().get(1), 454);
            String honest = readers.sessionIds().get(1);
            answers.add("Session (PLAY): " + ask(rtsp, cseq, "PLAY", url(PATH), sessions, v -> "Session: " + v,
                    v -> shown(v.replace(own, "(its own id)").replace(honest, "(an honest reader's id)")), problems));

            Map<String, Integer> cseqs = new LinkedHashMap<>();
            cseqs.put("(none)", 400);
            cseqs.put("", 400);
            cseqs.put("abc", 400);
            cseqs.put("-1", 400);
            cseqs.put("1 2", 400);
            cseqs.put("12345678901", 400);
            cseqs.put("0x10", 400);
            Observed seen = new Observed();
            for (Map.Entry<String, Integer> c : cseqs.entrySet()) {
                String header = c.getKey().equals("(none)") ? "" : "CSeq: " + c.getKey() + "\r\n";
                rtsp.send("OPTIONS * RTSP/1.0\r\n" + header + "\r\n");
                RawRtsp.Response r = rtsp.read();
                seen.add(r.status(), shown(c.getKey()));
                expect(problems, "CSeq " + c.getKey(), c.getValue(), r.status());
                if (r.header("CSeq") != null) {
                    problems.add("CSeq " + c.getKey() + " answered with CSeq " + r.header("CSeq"));
                }
            }
            answers.add("CSeq (OPTIONS): " + seen + ", none echoing a CSeq");
            RawRtsp.Response kept = rtsp.request("OPTIONS", "*", cseq[0]++);
            expect(problems, "OPTIONS after all malformed headers on the same connection", 200, kept.status());
            answers.add("then OPTIONS on the same connection " + kept.status());
        }
        try (RawRtsp rtsp = new RawRtsp("127.0.0.15", port(), 0)) {
            int[] cseq = {1};
            Map<String, Integer> authorizations = new LinkedHashMap<>();
            authorizations.put("", 400);
            // an unterminated quote runs to the end (lenient, as cameras need): wrong credentials, not malformed
            authorizations.put("Digest username=\"x", 401);
            authorizations.put("Digest " + "a=b, ".repeat(1000) + "c=d", 400);
            authorizations.put("Foo bar", 401);
            authorizations.put("Digest", 401);
            authorizations.put("Basic !!!not-base64!!!", 401);
            authorizations.put("Digest username=\"admin\", realm=\"Tributary\", nonce=\"forged\", uri=\"" + url(PATH)
                    + "\", response=\"00000000000000000000000000000000\"", 401);
            authorizations.put("Basic " + Base64.getEncoder().encodeToString("admin:guess".getBytes(StandardCharsets.UTF_8)),
                    401);
            answers.add("Authorization (DESCRIBE from 127.0.0.15): " + ask(rtsp, cseq, "DESCRIBE", url(PATH),
                    authorizations, v -> "Authorization: " + v, HostileClientsTest::shown, problems));
            RawRtsp.Response kept = rtsp.request("DESCRIBE", url(PATH), cseq[0]);
            expect(problems, "DESCRIBE without credentials after the bad ones", 200, kept.status());
            answers.add("then DESCRIBE without credentials " + kept.status());
        }
        finish(start, "10. malformed headers", "from 127.0.0.14 on one connection: bad Transport on SETUP, bad Range "
                + "on PLAY of its own file session, bad Session on PLAY, bad CSeq on OPTIONS; from 127.0.0.15: bad "
                + "Authorization on DESCRIBE", String.join("; ", answers), problems);
    }

    /**
     * Asks {@code method} once per value with the header {@code header(value)}, checking each
     * status; what was seen, grouped by status, with each value as {@code show} writes it.
     */
    private static Observed ask(RawRtsp rtsp, int[] cseq, String method, String url, Map<String, Integer> cases,
                                Function<String, String> header, Function<String, String> show, List<String> problems)
            throws IOException {
        Observed seen = new Observed();
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            RawRtsp.Response r = rtsp.request(method, url, cseq[0]++, header.apply(c.getKey()));
            String shown = show.apply(c.getKey());
            seen.add(r.status(), shown);
            expect(problems, method + " with " + shown, c.getValue(), r.status());
            if (r.status() >= 500) {
                problems.add(method + " with " + shown + ": " + r.statusLine() + " " + r.body());
            }
        }
        return seen;
    }

    /** Values as a table cell shows them: long ones cut, the empty one named. */
    private static String shown(String value) {
        if (value.isEmpty()) {
            return "(empty)";
        }
        return value.length() > 40 ? value.substring(0, 30) + "… (" + value.length() + " chars)" : value;
    }

    /** Statuses seen and the inputs that got each, in the order first seen: "400 for `a`, `b`; 461 for `c`". */
    private static final class Observed {
        private final Map<Integer, List<String>> byStatus = new LinkedHashMap<>();

        void add(int status, String input) {
            add(status, input, "");
        }

        /** {@code note} follows the input, outside its code span. */
        void add(int status, String input, String note) {
            byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add("`" + input + "`" + note);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            byStatus.forEach((status, inputs) -> {
                sb.append(sb.isEmpty() ? "" : "; ").append(status < 0 ? "no answer" : status).append(" for ");
                sb.append(String.join(", ", inputs));
            });
            return sb.toString();
        }
    }

    // at the end

    @Test
    @Order(11)
    void everyHonestReaderKeptItsStreamThroughTheWholeRun() throws Exception {
        HonestReaders.Window whole = readers.window(runStart, System.nanoTime());
        add(new Row("(whole run, all attacks)", "—", "—", effect(whole)));
        assertTrue(whole.failures().isEmpty(), whole.failures().toString());
        assertReadersKeptUp("the whole run", whole);
        assertTrue(publisher.alive(), publisher.output());
    }

    // measuring

    /**
     * Ends an attack: measures the readers over its window (at least 4 s, and 1 s beyond the
     * attack), asks a newcomer for OPTIONS, adds the table row, then fails with what went wrong.
     */
    private static void finish(long startNanos, String attack, String sent, String answer, List<String> problems)
            throws Exception {
        long end = Math.max(System.nanoTime() + 1_000_000_000L, startNanos + 4_000_000_000L);
        long wait = (end - System.nanoTime()) / 1_000_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        HonestReaders.Window window = readers.window(startNanos, end);
        ServerWatch.Probe probe = ServerWatch.options(NEWCOMER, port());
        add(new Row(attack, sent, answer, effect(window) + "; newcomer's OPTIONS " + probe));
        assertTrue(problems.isEmpty(), attack + ": " + String.join("\n", problems));
        assertTrue(window.failures().isEmpty(), attack + ": readers failed: " + window.failures());
        assertReadersKeptUp(attack, window);
        assertEquals(200, probe.status(), attack + ": newcomer's OPTIONS");
        assertTrue(probe.millis() < 1000, attack + ": newcomer's OPTIONS took " + probe.millis() + " ms");
    }

    /** A row for the table, also printed at once so that a CI log shows how far the suite got. */
    private static void add(Row row) {
        TABLE.add(row);
        System.out.println("HOSTILE | " + row.attack() + " | " + row.sent() + " | " + row.answer() + " | " + row.effect());
    }

    private static void assertReadersKeptUp(String when, HonestReaders.Window window) {
        for (HonestReaders.ReaderWindow reader : window.readers()) {
            assertEquals(0, reader.gaps(), when + ": " + reader.name() + " has sequence gaps: " + reader);
            assertTrue(reader.share() >= MIN_SHARE, when + ": " + reader.name() + " got "
                    + String.format(Locale.ROOT, "%.2f %%", 100 * reader.share()) + " of the stream: " + reader);
        }
        assertTrue(window.mediaSeconds() >= 0.9 * window.seconds() - 0.2, when + ": the stream carried only "
                + window.mediaSeconds() + " s of media in " + window.seconds() + " s");
    }

    private static String effect(HonestReaders.Window w) {
        return String.format(Locale.ROOT, "%d/%d readers got ≥ %.0f %% of the stream's bytes (lowest %.1f %%), %d sequence gaps%s, "
                        + "lag behind the first reader ≤ %.0f ms; stream %.0f kbit/s%s, %.0f %% real time over %.1f s",
                w.keptUp(MIN_SHARE), w.readers().size(), MIN_SHARE * 100, 100 * w.minShare(), w.gaps(),
                w.gaps() == 0 ? "" : " (" + w.lost() + " packets lost)",
                w.maxLagMillis(), w.streamKbps(),
                baseline == null || w == baseline ? "" : String.format(Locale.ROOT, " (baseline %.0f)", baseline.streamKbps()),
                100 * w.mediaSeconds() / w.seconds(), w.seconds());
    }

    private static void expect(List<String> problems, String what, int expected, int actual) {
        if (expected != actual) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    // bytes

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void putInt(byte[] data, int at, long value) {
        data[at] = (byte) (value >>> 24);
        data[at + 1] = (byte) (value >>> 16);
        data[at + 2] = (byte) (value >>> 8);
        data[at + 3] = (byte) value;
    }

    /** A real TLS ClientHello record, as a client's first flight. */
    private static byte[] clientHello() throws Exception {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine("127.0.0.1", port());
        engine.setUseClientMode(true);
        engine.beginHandshake();
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] hello = new byte[out.remaining()];
        out.get(hello);
        return hello;
    }
}
