package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * RTP over multicast (RFC 2326 §12.39) with real players. Multicast must never reach a real
 * network, so everything runs in a network namespace that has only its loopback interface
 * ({@link LoopbackNamespace}): the server, as a process of its own started from the assembled
 * distribution; an ffmpeg publishing a live path; and every reader.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MulticastTest {
    /** The namespace is empty: the usual ports are free in it. */
    private static final int RTSP_PORT = 8554;
    private static final String LIVE = "/live/mc";
    private static final String MULTICAST_ONLY = "/demo";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);
    private static final Pattern REPLY_GROUP = Pattern.compile("destination=(239\\.255\\.\\d+\\.\\d+);port=(\\d+)-(\\d+);ttl=1;");

    private static LoopbackNamespace ns;
    private static Path home;
    private static Path serverLog;
    private static Path publisherLog;

    @BeforeAll
    static void startServerAndPublisher() throws Exception {
        ExternalTool.require("ffmpeg");
        ns = LoopbackNamespace.create("239.255.0.0/16");
        home = Files.createTempDirectory("tributary-multicast-");
        copyDistribution(home);
        Files.writeString(home.resolve("etc/io.tributary.transports.multicast.cfg"),
                "multicastOnlyPaths = " + MULTICAST_ONLY + "\n");
        Files.writeString(home.resolve("etc/io.tributary.transports.udp.cfg"), "rtpPort = 8000\n");
        serverLog = home.resolve("server.log");
        publisherLog = home.resolve("publisher.log");
        Process server = ns.start(serverLog, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", home.resolve("tributary.jar").toString(),
                "--home", home.toString(), "--etc", home.resolve("etc").toString(),
                "--media", home.resolve("media").toString(), "--rtsp-port", Integer.toString(RTSP_PORT),
                "--http-port", "8080", "--no-shell");
        awaitLog(server, serverLog, "RTSP server listening on", "the server did not start");
        Process publisher = ns.start(publisherLog, "ffmpeg", "-nostdin", "-v", "error", "-re", "-stream_loop", "-1",
                "-i", home.resolve("demo/demo.mp4").toString(), "-c", "copy", "-f", "rtsp", "-rtsp_transport", "tcp",
                url(LIVE));
        awaitLog(publisher, publisherLog, LIVE + ": published by", "ffmpeg did not publish " + LIVE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ns != null) {
            ns.close();
        }
        if (home != null) {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void ffprobeFindsTheStreamsOfALivePathOverMulticast() throws Exception {
        ExternalTool.require("ffprobe");
        int before = log().length();
        ExternalTool.Result probe = ns.run(Duration.ofSeconds(30), "ffprobe", "-v", "error", "-rtsp_transport",
                "udp_multicast", "-show_entries", "stream=codec_name", "-of", "csv=p=0", url(LIVE));

        assertEquals(0, probe.exitCode(), probe.stderr() + "\nserver:\n" + tail(before));
        assertEquals(List.of("h264", "aac"), probe.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        String log = log().substring(before);
        assertTrue(log.contains("for " + LIVE + " track 0: started (ttl 1)"), log);
        assertTrue(log.contains("for " + LIVE + " track 1: started (ttl 1)"), log);
        assertTrue(log.contains("over RTP/AVP/UDP;multicast"), log);
    }

    @Test
    @Order(2)
    void gstreamerDecodesALivePathReceivedOverMulticast() throws Exception {
        Map<String, String> played = readers(Duration.ofSeconds(60), "gstreamer", url(LIVE));
        Assumptions.assumeFalse(played.containsKey("skipped"), played.get("skipped"));

        assertEquals("0", played.get("exit"), played.toString());
        assertTrue(Integer.parseInt(played.get("video")) >= 25, played.toString());
        assertTrue(Integer.parseInt(played.get("audio")) >= 10, played.toString());
    }

    @Test
    @Order(3)
    void twoReadersShareOneGroupAndOneSendUntilTheLastLeaves() throws Exception {
        // the readers before have left: their groups are stopped, so the next reader starts a new one
        assertTrue(Await.until(Duration.ofSeconds(10), () -> count(log(), LIVE + " track 0: started")
                == count(log(), LIVE + " track 0: stopped")), "a group of " + LIVE + " is still in use:\n" + tail(0));
        int before = log().length();

        Map<String, String> readers = readers(Duration.ofSeconds(30), "two-readers", Integer.toString(RTSP_PORT),
                url(LIVE));
        System.out.println("two readers of one group: " + readers);

        String first = group(readers.get("setup1"));
        String second = group(readers.get("setup2"));
        assertEquals(first, second, "both readers are told the same group (the second asked for 239.1.1.1:4000"
                + " and ttl 16, and gets what the group is)");
        assertEquals("200", readers.get("play1"), readers.toString());
        assertEquals("200", readers.get("play2"), readers.toString());
        assertEquals("0", readers.get("duplicates"), "each packet reaches the group once: " + readers);
        assertTrue(Integer.parseInt(readers.get("packets")) > 100, readers.toString());
        assertTrue(Integer.parseInt(readers.get("afterJoin")) > 50, "the stream goes on after the second reader"
                + " joins: " + readers);
        String log = log().substring(before);
        assertEquals(1, count(log, LIVE + " track 0: started"), "one group, started once:\n" + log);
        assertTrue(log.contains("multicast " + first + " for " + LIVE + " track 0: started (ttl 1)"), log);

        assertEquals("200", readers.get("teardown2"), readers.toString());
        Pattern stopped = Pattern.compile("multicast " + Pattern.quote(first) + " for " + Pattern.quote(LIVE)
                + " track 0: stopped after (\\d+) packets, 2 readers");
        assertTrue(Await.until(Duration.ofSeconds(5), () -> stopped.matcher(log().substring(before)).find()),
                "the group stops when the last reader leaves:\n" + log().substring(before));
        Matcher counts = stopped.matcher(log().substring(before));
        assertTrue(counts.find());
        assertTrue(Long.parseLong(counts.group(1)) >= Integer.parseInt(readers.get("packets")),
                "the group's count covers what the receiver got: " + counts.group() + ", " + readers);
    }

    @Test
    @Order(4)
    void aMulticastOnlyPathRefusesOtherTransportsAndServesMulticast() throws Exception {
        for (String transport : List.of("RTP/AVP;unicast;client_port=5000-5001", "RTP/AVP/TCP;interleaved=0-1")) {
            Map<String, String> refused = readers(Duration.ofSeconds(30), "setup", Integer.toString(RTSP_PORT),
                    url(MULTICAST_ONLY), transport);
            assertEquals("461", refused.get("status"), transport + ": " + refused);
            assertEquals(MULTICAST_ONLY + " is served by multicast only: SETUP with Transport: RTP/AVP;multicast",
                    refused.get("body").strip(), transport);
        }
        int before = log().length();
        ExternalTool.Result probe = ns.run(Duration.ofSeconds(30), "ffprobe", "-v", "error", "-rtsp_transport",
                "udp_multicast", "-show_entries", "stream=codec_name", "-of", "csv=p=0", url(MULTICAST_ONLY));
        assertEquals(0, probe.exitCode(), probe.stderr() + "\nserver:\n" + tail(before));
        assertTrue(probe.stdout().contains("h264"), probe.stdout());
        assertTrue(log().substring(before).contains("for " + MULTICAST_ONLY
                + " track 0 (a file: one session's own group): started"), tail(before));
    }

    /** Runs {@link MulticastReaders} inside the namespace and reads what it printed. */
    private static Map<String, String> readers(Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), MulticastReaders.class.getName()));
        command.addAll(List.of(args));
        ExternalTool.Result run = ns.run(timeout, command.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        return MulticastReaders.parse(run.stdout());
    }

    /** {@code 239.255.0.3:20006} from a SETUP's status and Transport, which must name a group of the range with ttl 1. */
    private static String group(String setup) {
        assertNotEquals(null, setup);
        assertTrue(setup.startsWith("200 "), setup);
        Matcher m = REPLY_GROUP.matcher(setup);
        assertTrue(m.find(), setup);
        assertEquals(Integer.parseInt(m.group(2)) + 1, Integer.parseInt(m.group(3)), setup);
        return m.group(1) + ":" + m.group(2);
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + RTSP_PORT + path;
    }

    /** Waits for {@code line} in the server's log while {@code process} (writing {@code output}) runs. */
    private static void awaitLog(Process process, Path output, String line, String failure) {
        if (!Await.until(START_TIMEOUT, () -> !process.isAlive() || read(serverLog).contains(line))
                || !process.isAlive()) {
            fail(failure + "\nserver:\n" + ExternalTool.tail(read(serverLog)) + "\noutput:\n"
                    + ExternalTool.tail(read(output)));
        }
    }

    private static String log() {
        return read(serverLog);
    }

    private static String tail(int from) {
        String log = log();
        return ExternalTool.tail(log.substring(Math.min(from, log.length())));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** Copies the assembled distribution ({@code -Dtributary.dist}) without the framework cache of an earlier run. */
    private static void copyDistribution(Path to) throws IOException {
        Path dist = Path.of(System.getProperty("tributary.dist", "")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dist.resolve("tributary.jar"))) {
            fail(dist + " is not an assembled distribution: build distribution/app first");
        }
        try (Stream<Path> files = Files.walk(dist)) {
            for (Path file : files.toList()) {
                Path relative = dist.relativize(file);
                if (relative.startsWith("data")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
