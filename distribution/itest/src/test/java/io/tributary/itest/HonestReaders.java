package io.tributary.itest;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Well-behaved readers of one live path, over TCP interleaved and over UDP, each on its own
 * thread and recording every RTP packet it receives (sequence, RTP time, size, arrival). Any
 * stretch of the run can then be compared with what the stream carried in it: the stream's
 * packets in a window are the union of what all readers received, each placed at its earliest
 * arrival, so a reader that lost or fell behind shows as a share below 100 % or as a sequence
 * gap, whatever the encoder's bitrate did meanwhile. Like real players, the readers send RTCP
 * receiver reports every second, which keeps their sessions alive.
 */
final class HonestReaders implements AutoCloseable {
    private static final Pattern SERVER_PORT = Pattern.compile("server_port=(\\d+)-(\\d+)");
    /** How late after a window a reader may receive the window's packets and still have them counted. */
    static final java.time.Duration LATE = java.time.Duration.ofMillis(500);
    private static final long LATE_NANOS = LATE.toNanos();
    /** Extended sequence numbers and RTP times start here, far from 0, so that unwrapping never goes negative. */
    private static final long BASE = 1L << 40;

    /** What one reader received in a window. */
    record ReaderWindow(String name, int packets, long bytes, int gaps, long lost, double share, double lagMillis) {
    }

    /**
     * The stream and every reader in one window of the run.
     *
     * @param streamPackets packets the stream carried in the window (first arrival at any reader)
     * @param mediaSeconds  RTP time those packets span: the stream kept real time when it is close to {@code seconds}
     */
    record Window(double seconds, int streamPackets, long streamBytes, double mediaSeconds, List<ReaderWindow> readers,
                  List<String> failures) {
        double streamKbps() {
            return streamBytes * 8 / 1000.0 / seconds;
        }

        double minShare() {
            return readers.stream().mapToDouble(ReaderWindow::share).min().orElse(0);
        }

        int gaps() {
            return readers.stream().mapToInt(ReaderWindow::gaps).sum();
        }

        long lost() {
            return readers.stream().mapToLong(ReaderWindow::lost).sum();
        }

        double maxLagMillis() {
            return readers.stream().mapToDouble(ReaderWindow::lagMillis).max().orElse(0);
        }

        /** Readers with at least {@code share} of the stream's bytes and no gap. */
        long keptUp(double share) {
            return readers.stream().filter(r -> r.share() >= share && r.gaps() == 0).count();
        }
    }

    /** The packets one reader received, in arrival order. */
    private final class Reader {
        final String name;
        final String sessionId;
        final Thread thread;
        private long[] arrivals = new long[8192];
        private long[] sequences = new long[8192];
        private long[] stamps = new long[8192];
        private int[] sizes = new int[8192];
        private int count;
        private int lastSequence;
        private long lastStamp;
        volatile String failure;

        Reader(String name, String sessionId, Runnable loop) {
            this.name = name;
            this.sessionId = sessionId;
            this.thread = Thread.ofPlatform().daemon().name("honest-" + name).unstarted(loop);
        }

        synchronized void received(byte[] rtp, int offset, int length, long nanos) {
            if (length < 12 || (rtp[offset] & 0xC0) != 0x80) {
                return;
            }
            int sequence = ((rtp[offset + 2] & 0xff) << 8) | (rtp[offset + 3] & 0xff);
            long stamp = ((rtp[offset + 4] & 0xffL) << 24) | ((rtp[offset + 5] & 0xffL) << 16)
                    | ((rtp[offset + 6] & 0xffL) << 8) | (rtp[offset + 7] & 0xffL);
            long extended;
            long extendedStamp;
            if (count == 0) {
                if (ssrc < 0) {
                    ssrc = ((rtp[offset + 8] & 0xffL) << 24) | ((rtp[offset + 9] & 0xffL) << 16)
                            | ((rtp[offset + 10] & 0xffL) << 8) | (rtp[offset + 11] & 0xffL);
                }
                long[] anchor = anchor(sequence, stamp);
                extended = BASE + (short) (sequence - anchor[0]);
                extendedStamp = BASE + (int) (stamp - anchor[1]);
            } else {
                extended = sequences[count - 1] + (short) (sequence - lastSequence);
                extendedStamp = stamps[count - 1] + (int) (stamp - lastStamp);
            }
            if (count == arrivals.length) {
                int grown = count * 2;
                arrivals = Arrays.copyOf(arrivals, grown);
                sequences = Arrays.copyOf(sequences, grown);
                stamps = Arrays.copyOf(stamps, grown);
                sizes = Arrays.copyOf(sizes, grown);
            }
            arrivals[count] = nanos;
            sequences[count] = extended;
            stamps[count] = extendedStamp;
            sizes[count] = length;
            count++;
            lastSequence = sequence;
            lastStamp = stamp;
        }

        synchronized Snapshot snapshot() {
            return new Snapshot(name, Arrays.copyOf(arrivals, count), Arrays.copyOf(sequences, count),
                    Arrays.copyOf(stamps, count), Arrays.copyOf(sizes, count), failure);
        }
    }

    private record Snapshot(String name, long[] arrivals, long[] sequences, long[] stamps, int[] sizes, String failure) {
    }

    private final String url;
    private final List<Reader> readers = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<Runnable> reports = new ArrayList<>();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor();
    private long[] anchor;
    private volatile long ssrc = -1;
    private volatile int[] serverUdpPorts;
    private volatile boolean closed;

    private HonestReaders(String url) {
        this.url = url;
    }

    /** {@code tcp} readers over TCP interleaved and {@code udp} over UDP, all from 127.0.0.1, playing {@code url}. */
    static HonestReaders start(int rtspPort, String url, int tcp, int udp) throws IOException {
        HonestReaders honest = new HonestReaders(url);
        try {
            for (int i = 0; i < tcp; i++) {
                honest.tcpReader(rtspPort, "tcp-" + (i + 1));
            }
            for (int i = 0; i < udp; i++) {
                honest.udpReader(rtspPort, "udp-" + (i + 1));
            }
        } catch (IOException | RuntimeException e) {
            honest.close();
            throw e;
        }
        honest.keepAlive.scheduleAtFixedRate(honest::sendReports, 1, 1, TimeUnit.SECONDS);
        return honest;
    }

    private synchronized long[] anchor(int sequence, long stamp) {
        if (anchor == null) {
            anchor = new long[] {sequence, stamp};
        }
        return anchor;
    }

    /** The SSRC of the stream's video, as the readers receive it (for forging packets that claim to be it). */
    long streamSsrc() {
        if (ssrc < 0) {
            throw new IllegalStateException("no packet received yet");
        }
        return ssrc;
    }

    /** The server's RTP and RTCP ports, as its answer to a UDP reader's SETUP gave them. */
    int[] serverUdpPorts() {
        if (serverUdpPorts == null) {
            throw new IllegalStateException("no UDP reader");
        }
        return serverUdpPorts.clone();
    }

    /** The session ids of the readers, TCP ones first. */
    List<String> sessionIds() {
        return readers.stream().map(r -> r.sessionId).toList();
    }

    int size() {
        return readers.size();
    }

    private void tcpReader(int rtspPort, String name) throws IOException {
        RawRtsp rtsp = new RawRtsp("127.0.0.1", rtspPort, 0);
        resources.add(rtsp);
        RawRtsp.Response setup = rtsp.request("SETUP", url + "/trackID=0", 1,
                "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
        require(setup, name + " SETUP");
        String session = setup.header("Session").split(";")[0];
        require(rtsp.request("PLAY", url, 2, "Session: " + session), name + " PLAY");
        Reader[] self = new Reader[1];
        self[0] = new Reader(name, session, () -> {
            try {
                while (!closed) {
                    RawRtsp.Frame frame = rtsp.anyFrame(500);
                    if (frame != null && frame.channel() == 0) {
                        self[0].received(frame.data(), 0, frame.data().length, System.nanoTime());
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    self[0].failure = name + ": " + e;
                }
            }
        });
        byte[] report = RawRtsp.interleaved(1, receiverReport(readers.size()));
        reports.add(() -> {
            try {
                rtsp.sendBytes(report);
            } catch (IOException e) {
                if (!closed) {
                    self[0].failure = name + ": receiver report not sent: " + e;
                }
            }
        });
        readers.add(self[0]);
        self[0].thread.start();
    }

    private void udpReader(int rtspPort, String name) throws IOException {
        DatagramSocket[] pair = udpPortPair();
        DatagramSocket rtp = pair[0];
        DatagramSocket rtcp = pair[1];
        resources.add(rtp);
        resources.add(rtcp);
        rtp.setReceiveBufferSize(1 << 20);
        RawRtsp rtsp = new RawRtsp("127.0.0.1", rtspPort, 0);
        resources.add(rtsp);
        int port = rtp.getLocalPort();
        RawRtsp.Response setup = rtsp.request("SETUP", url + "/trackID=0", 1,
                "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
        require(setup, name + " SETUP");
        Matcher ports = SERVER_PORT.matcher(setup.header("Transport"));
        if (!ports.find()) {
            throw new IOException(name + ": no server_port in " + setup.header("Transport"));
        }
        InetAddress server = InetAddress.getByName("127.0.0.1");
        InetSocketAddress serverRtp = new InetSocketAddress(server, Integer.parseInt(ports.group(1)));
        InetSocketAddress serverRtcp = new InetSocketAddress(server, Integer.parseInt(ports.group(2)));
        serverUdpPorts = new int[] {serverRtp.getPort(), serverRtcp.getPort()};
        // as players do: one packet from each port first, so that the server knows them at once
        byte[] punch = {(byte) 0x80, 96, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        rtp.send(new DatagramPacket(punch, punch.length, serverRtp));
        byte[] report = receiverReport(readers.size());
        rtcp.send(new DatagramPacket(report, report.length, serverRtcp));
        String session = setup.header("Session").split(";")[0];
        require(rtsp.request("PLAY", url, 2, "Session: " + session), name + " PLAY");
        Reader[] self = new Reader[1];
        self[0] = new Reader(name, session, () -> {
            byte[] buffer = new byte[65536];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                rtp.setSoTimeout(500);
                while (!closed) {
                    try {
                        rtp.receive(packet);
                        self[0].received(buffer, packet.getOffset(), packet.getLength(), System.nanoTime());
                    } catch (SocketTimeoutException e) {
                        // nothing for a while: the windows will show it
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    self[0].failure = name + ": " + e;
                }
            }
        });
        reports.add(() -> {
            try {
                rtcp.send(new DatagramPacket(report, report.length, serverRtcp));
            } catch (IOException e) {
                if (!closed) {
                    self[0].failure = name + ": receiver report not sent: " + e;
                }
            }
        });
        readers.add(self[0]);
        self[0].thread.start();
    }

    private void sendReports() {
        for (Runnable report : reports) {
            report.run();
        }
    }

    /**
     * The stream and each reader between two {@link System#nanoTime()} instants. The stream's
     * packets in the window are those that first reached any reader in it; a reader's share is
     * how much of them it received by {@link #LATE} after the window (so a few milliseconds of
     * lag at the window's edges do not count as loss, but a reader further behind does). Waits
     * until then if needed.
     */
    Window window(long fromNanos, long toNanos) throws InterruptedException {
        long settled = toNanos + LATE_NANOS;
        long wait = (settled - System.nanoTime()) / 1_000_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        List<Snapshot> snapshots = readers.stream().map(Reader::snapshot).toList();
        // the stream: each packet once, at the earliest arrival at any reader
        Map<Long, long[]> stream = new HashMap<>();
        for (Snapshot s : snapshots) {
            for (int i = 0; i < s.arrivals().length; i++) {
                long[] known = stream.get(s.sequences()[i]);
                if (known == null) {
                    stream.put(s.sequences()[i], new long[] {s.arrivals()[i], s.sizes()[i], s.stamps()[i]});
                } else if (s.arrivals()[i] < known[0]) {
                    known[0] = s.arrivals()[i];
                }
            }
        }
        int streamPackets = 0;
        long streamBytes = 0;
        long firstStamp = Long.MAX_VALUE;
        long lastStamp = Long.MIN_VALUE;
        for (long[] packet : stream.values()) {
            if (inWindow(packet[0], fromNanos, toNanos)) {
                streamPackets++;
                streamBytes += packet[1];
                firstStamp = Math.min(firstStamp, packet[2]);
                lastStamp = Math.max(lastStamp, packet[2]);
            }
        }
        List<ReaderWindow> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Snapshot s : snapshots) {
            int packets = 0;
            long bytes = 0;
            int gaps = 0;
            long lost = 0;
            long lag = 0;
            for (int i = 0; i < s.arrivals().length; i++) {
                long first = stream.get(s.sequences()[i])[0];
                if (!inWindow(first, fromNanos, toNanos) || s.arrivals()[i] > settled) {
                    continue;
                }
                packets++;
                bytes += s.sizes()[i];
                if (i > 0 && s.sequences()[i] != s.sequences()[i - 1] + 1) {
                    gaps++;
                    lost += Math.max(0, s.sequences()[i] - s.sequences()[i - 1] - 1);
                }
                lag = Math.max(lag, s.arrivals()[i] - first);
            }
            results.add(new ReaderWindow(s.name(), packets, bytes, gaps, lost,
                    streamBytes == 0 ? 0 : (double) bytes / streamBytes, lag / 1e6));
            if (s.failure() != null) {
                failures.add(s.failure());
            }
        }
        double mediaSeconds = streamPackets == 0 ? 0 : (lastStamp - firstStamp) / 90_000.0;
        return new Window((toNanos - fromNanos) / 1e9, streamPackets, streamBytes, mediaSeconds,
                List.copyOf(results), List.copyOf(failures));
    }

    private static boolean inWindow(long nanos, long fromNanos, long toNanos) {
        return nanos >= fromNanos && nanos <= toNanos;
    }

    @Override
    public void close() {
        closed = true;
        keepAlive.shutdownNow();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        for (Reader reader : readers) {
            try {
                reader.thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void require(RawRtsp.Response response, String what) throws IOException {
        if (response.status() != 200) {
            throw new IOException(what + ": " + response.statusLine() + " " + response.body());
        }
    }

    /** An empty RTCP receiver report (RFC 3550 §6.4.2) from a made-up SSRC. */
    private static byte[] receiverReport(int reader) {
        int ssrc = 0x484f4e00 | reader;
        return new byte[] {(byte) 0x80, (byte) 201, 0, 1, (byte) (ssrc >>> 24), (byte) (ssrc >>> 16),
                (byte) (ssrc >>> 8), (byte) ssrc};
    }


    /** An even port on 127.0.0.1 whose successor is free too: the RTP and RTCP sockets of one reader. */
    static DatagramSocket[] udpPortPair() throws IOException {
        return udpPortPair("127.0.0.1");
    }

    /** {@link #udpPortPair()} on another loopback address. */
    static DatagramSocket[] udpPortPair(String address) throws IOException {
        InetAddress host = InetAddress.getByName(address);
        for (int attempt = 0; attempt < 100; attempt++) {
            DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(host, 0));
            int port = rtp.getLocalPort();
            if (port % 2 == 0 && port < 65535) {
                try {
                    return new DatagramSocket[] {rtp, new DatagramSocket(new InetSocketAddress(host, port + 1))};
                } catch (SocketException e) {
                    // taken: try another pair
                }
            }
            rtp.close();
        }
        throw new IOException("no free UDP port pair on " + address);
    }
}
