package io.tributary.itest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 *   <li>{@code gstreamer URL}: {@link GstPlayer} with {@code protocols=udp-mcast}.</li>
 * </ul>
 */
final class MulticastReaders {
    private static final Pattern DESTINATION = Pattern.compile("destination=([^;]+);port=(\\d+)-(\\d+)");

    private MulticastReaders() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> out = switch (args[0]) {
            case "two-readers" -> twoReaders(Integer.parseInt(args[1]), args[2]);
            case "setup" -> setup(Integer.parseInt(args[1]), args[2], args[3]);
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
     * that arrive by sequence number.
     */
    private static final class GroupReceiver implements AutoCloseable {
        private final MulticastSocket socket;
        private final Thread thread;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final BitSet seen = new BitSet(65536);
        private final List<Integer> order = new ArrayList<>();
        private int duplicates;
        private int behind;

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
                    continue;
                }
                int sequence = (buffer[2] & 0xff) << 8 | (buffer[3] & 0xff);
                synchronized (this) {
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
