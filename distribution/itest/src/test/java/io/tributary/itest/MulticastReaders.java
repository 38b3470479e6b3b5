package io.tributary.itest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers that must run where the server is, inside a {@link LoopbackNamespace}: {@link MulticastTest}
 * starts this class there in a JVM of its own ({@code ip netns exec … java -cp <test class path>}),
 * and reads what it prints, one {@code key=value} per line.
 *
 * <ul>
 *   <li>{@code two-readers PORT URL}: two raw RTSP sessions on track 0 of URL, the second joining
 *       while the first plays, and a raw socket in the group counting each RTP sequence number;</li>
 *   <li>{@code setup PORT URL TRANSPORT}: one SETUP of track 0, its status and body;</li>
 *   <li>{@code one-reader URL PACKETS}: one raw RTSP session on track 0 of URL, connected to the
 *       URL's host (so {@code rtsp://[::1]:…} is a client over IPv6), and a raw socket in the group
 *       it is told until PACKETS RTP packets arrived there;</li>
 *   <li>{@code both-families PORT PATH}: a SETUP of track 0 of PATH over IPv4 and, while its group
 *       is in use, one over IPv6: both replies;</li>
 *   <li>{@code gstreamer URL}: {@link GstPlayer} with {@code protocols=udp-mcast}.</li>
 * </ul>
 */
final class MulticastReaders {
    private static final Pattern DESTINATION = Pattern.compile("destination=([^;]+);port=(\\d+)-(\\d+)");
    /** The payload type of the SDP's first media: track 0's. */
    private static final Pattern FIRST_MEDIA = Pattern.compile("^m=\\w+ \\d+ \\S+ (\\d+)", Pattern.MULTILINE);
    /** How long {@code one-reader} waits for its packets: a generous bound, it stops as soon as they are in. */
    private static final Duration PACKETS_TIMEOUT = Duration.ofSeconds(20);

    private MulticastReaders() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> out = switch (args[0]) {
            case "two-readers" -> twoReaders(Integer.parseInt(args[1]), args[2]);
            case "setup" -> setup(Integer.parseInt(args[1]), args[2], args[3]);
            case "one-reader" -> oneReader(args[1], Integer.parseInt(args[2]));
            case "both-families" -> bothFamilies(Integer.parseInt(args[1]), args[2]);
            case "gstreamer" -> gstreamer(args[1]);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
        out.forEach((key, value) -> System.out.println(key + "=" + value.replace('\n', ' ').replace('\r', ' ')));
    }

    /** What {@code main} printed, read back. */
    static Map<String, String> parse(String printed) {
        Map<String, String> values = new TreeMap<>();
        for (String line : printed.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    private static Map<String, String> twoReaders(int port, String url) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (RawRtsp first = new RawRtsp(port); RawRtsp second = new RawRtsp(port)) {
            RawRtsp.Response setup1 = first.request("SETUP", url + "/trackID=0", 1, "Transport: RTP/AVP;multicast");
            out.put("setup1", setup1.status() + " " + setup1.header("Transport"));
            Matcher group = DESTINATION.matcher(String.valueOf(setup1.header("Transport")));
            if (setup1.status() != 200 || !group.find()) {
                return out;
            }
            String session1 = setup1.header("Session").split(";")[0];
            try (GroupReceiver receiver = new GroupReceiver(InetAddress.getByName(group.group(1)),
                    Integer.parseInt(group.group(2)))) {
                out.put("play1", Integer.toString(first.request("PLAY", url, 2, "Session: " + session1).status()));
                Thread.sleep(1500);
                RawRtsp.Response setup2 = second.request("SETUP", url + "/trackID=0", 1,
                        "Transport: RTP/AVP;multicast;destination=239.1.1.1;port=4000-4001;ttl=16");
                out.put("setup2", setup2.status() + " " + setup2.header("Transport"));
                String session2 = setup2.header("Session").split(";")[0];
                int beforeJoin = receiver.packets();
                out.put("play2", Integer.toString(second.request("PLAY", url, 2, "Session: " + session2).status()));
                Thread.sleep(2500);
                receiver.stop();
                out.put("packets", Integer.toString(receiver.packets()));
                out.put("afterJoin", Integer.toString(receiver.packets() - beforeJoin));
                out.put("duplicates", Integer.toString(receiver.duplicates()));
                out.put("behind", Integer.toString(receiver.behind()));
                out.put("teardown1", Integer.toString(first.request("TEARDOWN", url, 3, "Session: " + session1).status()));
                out.put("teardown2", Integer.toString(second.request("TEARDOWN", url, 3, "Session: " + session2).status()));
            }
        }
        return out;
    }

    private static Map<String, String> oneReader(String url, int wanted) throws Exception {
        Map<String, String> out = new TreeMap<>();
        URI server = URI.create(url);
        try (RawRtsp rtsp = RawRtsp.to(server.getHost(), server.getPort())) {
            RawRtsp.Response describe = rtsp.request("DESCRIBE", url, 1, "Accept: application/sdp");
            out.put("describe", Integer.toString(describe.status()));
            Matcher media = FIRST_MEDIA.matcher(describe.body());
            out.put("sdpPayloadType", media.find() ? media.group(1) : "none");
            RawRtsp.Response setup = rtsp.request("SETUP", url + "/trackID=0", 2, "Transport: RTP/AVP;multicast");
            out.put("setup", setup.status() + " " + setup.header("Transport"));
            Matcher group = DESTINATION.matcher(String.valueOf(setup.header("Transport")));
            if (setup.status() != 200 || !group.find()) {
                return out;
            }
            String session = setup.header("Session").split(";")[0];
            try (GroupReceiver receiver = new GroupReceiver(InetAddress.getByName(group.group(1)),
                    Integer.parseInt(group.group(2)))) {
                out.put("play", Integer.toString(rtsp.request("PLAY", url, 3, "Session: " + session).status()));
                long deadline = System.nanoTime() + PACKETS_TIMEOUT.toNanos();
                while (receiver.packets() < wanted && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                receiver.stop();
                out.put("packets", Integer.toString(receiver.packets()));
                out.put("duplicates", Integer.toString(receiver.duplicates()));
                out.put("behind", Integer.toString(receiver.behind()));
                out.put("notRtp", Integer.toString(receiver.notRtp()));
                out.put("payloadTypes", receiver.payloadTypes());
                out.put("ssrcs", receiver.ssrcs());
                out.put("senders", receiver.senders());
            } catch (IOException cannotJoin) {
                // said, and the session still torn down: its group must not outlive this reader
                out.put("receiver", cannotJoin.toString());
            }
            out.put("teardown", Integer.toString(rtsp.request("TEARDOWN", url, 4, "Session: " + session).status()));
        }
        return out;
    }

    private static Map<String, String> bothFamilies(int port, String path) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (RawRtsp ipv4 = RawRtsp.to("127.0.0.1", port); RawRtsp ipv6 = RawRtsp.to("::1", port)) {
            String url4 = "rtsp://127.0.0.1:" + port + path;
            String url6 = "rtsp://[::1]:" + port + path;
            RawRtsp.Response setup4 = ipv4.request("SETUP", url4 + "/trackID=0", 1, "Transport: RTP/AVP;multicast");
            RawRtsp.Response setup6 = ipv6.request("SETUP", url6 + "/trackID=0", 1, "Transport: RTP/AVP;multicast");
            out.put("ipv4", setup4.status() + " " + setup4.header("Transport"));
            out.put("ipv6", setup6.status() + " " + setup6.header("Transport"));
            if (setup4.status() == 200) {
                ipv4.request("TEARDOWN", url4, 2, "Session: " + setup4.header("Session").split(";")[0]);
            }
            if (setup6.status() == 200) {
                ipv6.request("TEARDOWN", url6, 2, "Session: " + setup6.header("Session").split(";")[0]);
            }
        }
        return out;
    }

    private static Map<String, String> setup(int port, String url, String transport) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (RawRtsp rtsp = new RawRtsp(port)) {
            RawRtsp.Response setup = rtsp.request("SETUP", url + "/trackID=0", 1, "Transport: " + transport);
            out.put("status", Integer.toString(setup.status()));
            out.put("transport", String.valueOf(setup.header("Transport")));
            out.put("body", setup.body());
            if (setup.status() == 200) {
                rtsp.request("TEARDOWN", url, 2, "Session: " + setup.header("Session").split(";")[0]);
            }
        }
        return out;
    }

    private static Map<String, String> gstreamer(String url) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try {
            GstPlayer.Outcome played = GstPlayer.play(url, "udp-mcast", 25, 10, Duration.ofSeconds(20));
            out.put("exit", Integer.toString(played.exitCode()));
            out.put("video", Integer.toString(played.videoFrames()));
            out.put("audio", Integer.toString(played.audioFrames()));
            out.put("output", played.output());
        } catch (org.opentest4j.TestAbortedException missing) {
            out.put("skipped", missing.getMessage());
        }
        return out;
    }

    /**
     * A socket in the group, as a player's is (the group's port, shared), counting the RTP packets
     * that arrive by sequence number, and noting what else arrives (datagrams that are not RTP
     * version 2) and from where.
     */
    private static final class GroupReceiver implements AutoCloseable {
        private final MulticastSocket socket;
        private final Thread thread;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final BitSet seen = new BitSet(65536);
        private final List<Integer> order = new ArrayList<>();
        private final Set<Integer> payloadTypes = new TreeSet<>();
        private final Set<String> ssrcs = new TreeSet<>();
        private final Set<String> senders = new TreeSet<>();
        private int duplicates;
        private int behind;
        private int notRtp;

        GroupReceiver(InetAddress group, int port) throws IOException {
            socket = new MulticastSocket(null);
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(group, port));
            socket.joinGroup(new InetSocketAddress(group, 0), null);
            socket.setSoTimeout(100);
            thread = Thread.ofPlatform().daemon().start(this::receive);
        }

        private void receive() {
            byte[] buffer = new byte[2048];
            int newest = -1;
            while (running.get()) {
                java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException quiet) {
                    continue;
                } catch (IOException closed) {
                    return;
                }
                if (packet.getLength() < 12 || (buffer[0] & 0xC0) != 0x80) {
                    synchronized (this) {
                        notRtp++;
                    }
                    continue;
                }
                int sequence = (buffer[2] & 0xff) << 8 | (buffer[3] & 0xff);
                long ssrc = (buffer[8] & 0xffL) << 24 | (buffer[9] & 0xff) << 16 | (buffer[10] & 0xff) << 8
                        | (buffer[11] & 0xff);
                synchronized (this) {
                    payloadTypes.add(buffer[1] & 0x7f);
                    ssrcs.add(String.format("%08X", ssrc));
                    senders.add(packet.getAddress().getHostAddress());
                    if (seen.get(sequence)) {
                        duplicates++;
                    }
                    seen.set(sequence);
                    if (newest >= 0 && ((newest - sequence) & 0xFFFF) < 0x8000 && sequence != newest) {
                        behind++;
                    } else {
                        newest = sequence;
                    }
                    order.add(sequence);
                }
            }
        }

        synchronized int packets() {
            return order.size();
        }

        synchronized int duplicates() {
            return duplicates;
        }

        synchronized int behind() {
            return behind;
        }

        /** Datagrams at the RTP port that are not RTP version 2. */
        synchronized int notRtp() {
            return notRtp;
        }

        /** The payload types seen, comma-separated. */
        synchronized String payloadTypes() {
            return String.join(",", payloadTypes.stream().map(String::valueOf).toList());
        }

        /** The SSRCs seen, as the Transport header's ssrc gives them (8 upper-case hex digits), comma-separated. */
        synchronized String ssrcs() {
            return String.join(",", ssrcs);
        }

        /** The addresses the packets came from, comma-separated. */
        synchronized String senders() {
            return String.join(",", senders);
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(2000);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
            socket.close();
        }
    }
}
