package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
 * distribution; an ffmpeg publishing a live path; and every reader. Readers that connect over IPv6
 * ({@code rtsp://[::1]:…}) get groups of the IPv6 range, which the namespace routes to its
 * loopback interface too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MulticastTest {
    /** The namespace is empty: the usual ports are free in it. */
    private static final int RTSP_PORT = 8554;
    private static final String LIVE = "/live/mc";
    private static final String MULTICAST_ONLY = "/demo";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);
    private static final Pattern REPLY_GROUP = Pattern.compile("destination=(239\\.255\\.\\d+\\.\\d+);port=(\\d+)-(\\d+);ttl=1;");
    private static final String IPV4_GROUPS = "239.255.0.0/16";
    /** The server's default range for IPv6 clients (ipv6Range), which the test leaves as it is. */
    private static final String IPV6_GROUPS = "ff15::/64";
    /** An IPv6 group (a literal without brackets), its port pair, ttl 1 and the SSRC the reader will see. */
    private static final Pattern REPLY_IPV6_GROUP = Pattern.compile(
            "destination=([0-9a-fA-F:]+);port=(\\d+)-(\\d+);ttl=1;ssrc=([0-9A-Fa-f]{8})");
    /** The log line of an IPv6 group of the live path starting: {@code multicast [ff15::]:20000 for /live/mc track 0: …}. */
    private static final Pattern IPV6_GROUP_STARTED = Pattern.compile("multicast \\[([0-9a-f:]+)\\]:(\\d+) for "
            + Pattern.quote(LIVE) + " track (\\d+): started \\(ttl 1\\)");

    private static LoopbackNamespace ns;
    private static Path home;
    private static Path serverLog;
    private static Path publisherLog;

    @BeforeAll
    static void startServerAndPublisher() throws Exception {
        ExternalTool.require("ffmpeg");
        ns = LoopbackNamespace.create(IPV4_GROUPS, IPV6_GROUPS);
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
        awaitGroupsOfTheLivePathStopped();
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

    @Test
    @Order(5)
    void aClientConnectedOverIpv6IsToldAnIpv6GroupAndReceivesTheStreamThere() throws Exception {
        awaitGroupsOfTheLivePathStopped();
        int before = log().length();

        Map<String, String> reader = readers(Duration.ofSeconds(60), "one-reader", url6(LIVE), "50");
        System.out.println("a reader over IPv6: " + reader);

        assertEquals("200", reader.get("describe"), reader.toString());
        Matcher reply = ipv6Group(reader.get("setup"));
        int port = Integer.parseInt(reply.group(2));

        assertEquals("200", reader.get("play"), reader.toString());
        assertTrue(Integer.parseInt(reader.get("packets")) >= 50, "RTP arrives in the IPv6 group: " + reader);
        assertEquals("0", reader.get("notRtp"), "all that arrives at the group's RTP port is RTP version 2: " + reader);
        assertEquals(reader.get("sdpPayloadType"), reader.get("payloadTypes"),
                "the packets carry track 0's payload type as DESCRIBE gave it: " + reader);
        assertEquals(reply.group(4).toUpperCase(Locale.ROOT), reader.get("ssrcs"),
                "the packets carry the SSRC the SETUP reply named: " + reader);
        assertEquals("0", reader.get("duplicates"), "each packet reaches the group once: " + reader);
        assertEquals("0", reader.get("behind"), "sequence numbers only increase: " + reader);
        assertTrue(InetAddress.getByName(reader.get("senders")) instanceof Inet6Address,
                "the server sends from an IPv6 address: " + reader);
        assertEquals("200", reader.get("teardown"), reader.toString());

        String address = "[" + reply.group(1) + "]:" + port;
        String log = log().substring(before);
        assertTrue(log.contains("multicast " + address + " for " + LIVE + " track 0: started (ttl 1)"), log);
        Pattern stopped = Pattern.compile("multicast " + Pattern.quote(address) + " for " + Pattern.quote(LIVE)
                + " track 0: stopped after (\\d+) packets, 1 readers");
        assertTrue(Await.until(Duration.ofSeconds(5), () -> stopped.matcher(log().substring(before)).find()),
                "the IPv6 group stops when its reader leaves:\n" + tail(before));
        Matcher counts = stopped.matcher(log().substring(before));
        assertTrue(counts.find());
        assertTrue(Long.parseLong(counts.group(1)) >= Integer.parseInt(reader.get("packets")),
                "the group's count covers what the receiver got: " + counts.group() + ", " + reader);
    }

    @Test
    @Order(6)
    void ffprobeReadsALivePathOverIpv6Multicast() throws Exception {
        ExternalTool.require("ffprobe");
        awaitGroupsOfTheLivePathStopped();
        int before = log().length();
        // packets, not only the SDP's streams: ffprobe lists the first video packets it read from the group
        ExternalTool.Result probe = ns.run(Duration.ofSeconds(30), "ffprobe", "-v", "error", "-rtsp_transport",
                "udp_multicast", "-select_streams", "v:0", "-read_intervals", "%+#10", "-show_entries",
                "stream=codec_name:packet=codec_type", "-of", "csv=p=0", url6(LIVE));

        assertEquals(0, probe.exitCode(), probe.stderr() + "\nserver:\n" + tail(before));
        // read over RTSP, a packet's csv line ends with a comma: "video,"
        List<String> lines = probe.stdout().lines().map(l -> l.strip().replaceFirst(",+$", ""))
                .filter(l -> !l.isEmpty()).toList();
        assertEquals(10, lines.stream().filter("video"::equals).count(), probe.stdout());
        assertTrue(lines.contains("h264"), probe.stdout());
        assertIpv6GroupsStartedAndStopped(before, 2);
    }

    @Test
    @Order(7)
    void gstreamerDecodesALivePathReceivedOverIpv6Multicast() throws Exception {
        awaitGroupsOfTheLivePathStopped();
        int before = log().length();
        Map<String, String> played = readers(Duration.ofSeconds(60), "gstreamer", url6(LIVE));
        Assumptions.assumeFalse(played.containsKey("skipped"), played.get("skipped"));

        assertEquals("0", played.get("exit"), played + "\nserver:\n" + tail(before));
        assertTrue(Integer.parseInt(played.get("video")) >= 25, played.toString());
        assertTrue(Integer.parseInt(played.get("audio")) >= 10, played.toString());
        assertIpv6GroupsStartedAndStopped(before, 2);
    }

    @Test
    @Order(8)
    void anIpv4AndAnIpv6GroupInUseAtOnceHaveDifferentPorts() throws Exception {
        awaitGroupsOfTheLivePathStopped();
        Map<String, String> setups = readers(Duration.ofSeconds(30), "both-families", Integer.toString(RTSP_PORT),
                LIVE);
        System.out.println("a group of each family: " + setups);

        String ipv4 = group(setups.get("ipv4"));
        Matcher ipv6 = ipv6Group(setups.get("ipv6"));
        // a dual-stack player bound to the port on the wildcard address receives both groups of a port
        assertNotEquals(ipv4.substring(ipv4.lastIndexOf(':') + 1), ipv6.group(2), setups.toString());
        awaitGroupsOfTheLivePathStopped();
    }

    /**
     * The SETUP reply (status and Transport) for a client over IPv6, which must name a group of
     * {@link #IPV6_GROUPS}, a port pair, ttl 1 and an SSRC: groups 1 to 4 of {@link #REPLY_IPV6_GROUP}.
     */
    private static Matcher ipv6Group(String setup) throws IOException {
        assertNotEquals(null, setup);
        assertTrue(setup.startsWith("200 "), setup);
        Matcher reply = REPLY_IPV6_GROUP.matcher(setup);
        assertTrue(reply.find(), "the reply names an IPv6 group, its port pair, ttl 1 and the SSRC: " + setup);
        InetAddress group = InetAddress.getByName(reply.group(1));
        assertTrue(inIpv6Groups(group), group + " is not in " + IPV6_GROUPS + ": " + setup);
        int port = Integer.parseInt(reply.group(2));
        assertEquals(port + 1, Integer.parseInt(reply.group(3)), setup);
        assertEquals(0, port % 2, setup);
        return reply;
    }

    /**
     * The readers since {@code before} got {@code tracks} groups of the live path, each of the IPv6
     * range, and none of the IPv4 one; and each group stopped when its reader left.
     */
    private static void assertIpv6GroupsStartedAndStopped(int before, int tracks) throws IOException {
        String log = log().substring(before);
        Matcher started = IPV6_GROUP_STARTED.matcher(log);
        List<String> groups = new ArrayList<>();
        while (started.find()) {
            assertTrue(inIpv6Groups(InetAddress.getByName(started.group(1))), started.group());
            groups.add("multicast [" + started.group(1) + "]:" + started.group(2) + " for " + LIVE + " track "
                    + started.group(3) + ": stopped after ");
        }
        assertEquals(tracks, groups.size(), "one IPv6 group per track:\n" + log);
        assertFalse(log.contains("multicast 239.255."), "no IPv4 group for a client over IPv6:\n" + log);
        assertTrue(Await.until(Duration.ofSeconds(10), () -> groups.stream().allMatch(log().substring(before)::contains)),
                "the IPv6 groups stop when their reader leaves:\n" + tail(before));
    }

    /** Whether {@code address} is one of {@link #IPV6_GROUPS} (ff15::/64: the first 8 bytes ff15:0:0:0). */
    private static boolean inIpv6Groups(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet6Address && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0x15
                && IntStream.range(2, 8).allMatch(i -> bytes[i] == 0);
    }

    /** The readers before have left: their groups are stopped, so the next reader starts new ones. */
    private static void awaitGroupsOfTheLivePathStopped() {
        for (String track : List.of(" track 0: ", " track 1: ")) {
            assertTrue(Await.until(Duration.ofSeconds(10), () -> count(log(), LIVE + track + "started")
                    == count(log(), LIVE + track + "stopped")), "a group of " + LIVE + " is still in use:\n" + tail(0));
        }
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

    /** The URL of {@code path} for a client that connects over IPv6. */
    private static String url6(String path) {
        return "rtsp://[::1]:" + RTSP_PORT + path;
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
