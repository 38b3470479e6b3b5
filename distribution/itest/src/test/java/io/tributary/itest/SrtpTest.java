package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SRTP (RTP/SAVP) on RTSPS with the distribution's defaults: descriptions over TLS carry MIKEY
 * keys, GStreamer plays over RTP/SAVP on UDP and inside the connection, what goes over UDP is
 * encrypted with the described key, and clients that set up plain RTP inside the connection
 * (ffmpeg) are not disturbed.
 *
 * <p>Two kinds of path: {@value #LIVE} relays this server's own demo and is a live stream, whose
 * readers share its SSRC, sequence numbers and key; {@code /demo} plays the clip in a loop with
 * a timeline, an SSRC and a key per session, as files do.
 */
class SrtpTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern SSRC = Pattern.compile("ssrc=([0-9A-Fa-f]{1,8})");
    /** The distribution's relayed path (etc/io.tributary.path-demo-relay.cfg): a live stream. */
    static final String LIVE = "/relay/demo";

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static String url(String path) {
        return "rtsps://127.0.0.1:" + tributary.tlsPort() + path;
    }

    /**
     * rtspsrc reads the MIKEY keys of the description, sets up RTP/SAVP and decodes; its own
     * SRTCP receiver reports (keyed by its KeyMgmt header) reach the session's statistics.
     */
    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void gstreamerPlaysALivePathOverSrtp(String protocol) throws Exception {
        ExecutorService player = Executors.newSingleThreadExecutor();
        try {
            Future<GstPlayer.Outcome> playing = player.submit(() -> GstPlayer.play(url(LIVE), protocol, 300, 10,
                    Duration.ofSeconds(30)));
            String transport = "RTP/SAVP/" + protocol.toUpperCase(java.util.Locale.ROOT);
            String sessions = "";
            boolean reported = false;
            for (int i = 0; i < 200 && !reported && !playing.isDone(); i++) {
                Thread.sleep(100);
                sessions = sessions();
                reported = Pattern.compile("\"transport\":\"" + transport + "\"[^}]*\"receiverReports\":[1-9]")
                        .matcher(sessions).find();
            }
            GstPlayer.Outcome outcome = playing.get(60, TimeUnit.SECONDS);
            assertTrue(outcome.decodedEnough(), outcome.output());
            assertTrue(reported, "no " + transport + " session with decrypted receiver reports in " + sessions);
        } finally {
            player.shutdownNow();
        }
    }

    /** The MIKEY of a session's own key names no SSRC (it is chosen at SETUP): rtspsrc takes it for any. */
    @Test
    void gstreamerPlaysAPathWithATimelinePerSessionOverSrtp() throws Exception {
        for (String protocol : List.of("udp", "tcp")) {
            GstPlayer.Outcome outcome = GstPlayer.play(url("/demo"), protocol, 30, 10, TIMEOUT);
            assertTrue(outcome.decodedEnough(), protocol + ": " + outcome.output());
        }
    }

    /**
     * A raw client with its own UDP sockets reads the live path over RTP/SAVP while another
     * reads it as plain RTP inside TLS: they get the same SSRC and sequence numbers, and for each
     * sequence number the SRTP packet's payload differs from the plain one, and decrypting it with
     * the key of the description gives exactly the plain packet.
     */
    @Test
    void whatGoesOverUdpIsTheStreamEncryptedWithTheDescribedKey() throws Exception {
        try (RawRtsp secure = RawRtsp.tls(tributary.tlsPort()); RawRtsp plain = RawRtsp.tls(tributary.tlsPort());
             UdpPair udp = UdpPair.open()) {
            RawRtsp.Response describe = secure.request("DESCRIBE", url(LIVE), 1, "Accept: application/sdp");
            assertEquals(200, describe.status());
            List<String> media = SrtpKeys.mediaSections(describe.body());
            assertTrue(media.get(0).startsWith("m=video 0 RTP/SAVP "), describe.body());
            assertFalse(describe.body().contains("a=crypto:"), "no SDES by default");
            SrtpKeys.TrackKey key = SrtpKeys.mikey(media.get(0));

            RawRtsp.Response setup = secure.request("SETUP", url(LIVE) + "/trackID=0", 2,
                    "Transport: RTP/SAVP;unicast;client_port=" + udp.rtpPort() + "-" + (udp.rtpPort() + 1));
            assertEquals(200, setup.status(), setup.body());
            assertTrue(setup.header("Transport").startsWith("RTP/SAVP;unicast;"), setup.header("Transport"));
            long ssrc = ssrcOf(setup);
            assertEquals(key.ssrc(), ssrc, "MIKEY names the stream's SSRC");

            RawRtsp.Response plainSetup = plain.request("SETUP", url(LIVE) + "/trackID=0", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, plainSetup.status());
            assertEquals(ssrc, ssrcOf(plainSetup), "readers of a live path share its SSRC");

            assertEquals(200, secure.request("PLAY", url(LIVE), 3, "Session: " + session(setup)).status());
            assertEquals(200, plain.request("PLAY", url(LIVE), 2, "Session: " + session(plainSetup)).status());
            ExecutorService receiver = Executors.newSingleThreadExecutor();
            Future<List<byte[]>> overUdp = receiver.submit(() -> udp.rtp(3000));
            Map<Integer, byte[]> plainBySequence = new HashMap<>();
            for (RawRtsp.Frame frame : plain.frames(3000)) {
                if (frame.channel() == 0) {
                    plainBySequence.put(frame.sequence(), frame.data());
                }
            }
            List<byte[]> encrypted = overUdp.get(10, TimeUnit.SECONDS);
            receiver.shutdown();

            int compared = 0;
            for (byte[] srtp : encrypted) {
                int sequence = ((srtp[2] & 0xFF) << 8) | (srtp[3] & 0xFF);
                byte[] clear = plainBySequence.get(sequence);
                if (clear == null) {
                    continue;
                }
                compared++;
                assertEquals(clear.length + 10, srtp.length, "the payload plus an 80-bit tag");
                assertArrayEquals(Arrays.copyOf(clear, 12), Arrays.copyOf(srtp, 12), "the header is in the clear");
                assertFalse(Arrays.equals(Arrays.copyOfRange(clear, 12, clear.length),
                        Arrays.copyOfRange(srtp, 12, clear.length)), "payload of packet " + sequence + " in the clear");
                assertArrayEquals(clear, SrtpKeys.decrypt(key, srtp, key.roc()), "packet " + sequence);
            }
            assertTrue(compared >= 20, "only " + compared + " of " + encrypted.size() + " SRTP packets were also read"
                    + " in the clear (" + plainBySequence.size() + ")");
        }
    }

    /** ffmpeg sets up plain RTP inside the connection on rtsps:// and ignores MIKEY: it still plays. */
    @Test
    void ffmpegStillPlaysOverRtspsWithSrtpInstalled() throws Exception {
        String frames = FfmpegReader.frames(url("/demo"), "tcp", 2);
        assertTrue(frames.lines().filter(line -> line.startsWith("0,")).count() > 20, frames);
    }

    /** Readers share the stream key: one that is kicked, or that leaves, takes nothing from the others. */
    @Test
    void aKickedOrEndedSrtpReaderDoesNotDisturbTheOthers() throws Exception {
        try (RawRtsp staying = RawRtsp.tls(tributary.tlsPort()); RawRtsp kicked = RawRtsp.tls(tributary.tlsPort());
             RawRtsp leaving = RawRtsp.tls(tributary.tlsPort())) {
            SrtpKeys.TrackKey key = null;
            List<String> sessions = new ArrayList<>();
            int cseq = 1;
            for (RawRtsp reader : List.of(staying, kicked, leaving)) {
                RawRtsp.Response describe = reader.request("DESCRIBE", url(LIVE), cseq++);
                SrtpKeys.TrackKey described = SrtpKeys.mikey(SrtpKeys.mediaSections(describe.body()).get(0));
                if (key != null) {
                    assertArrayEquals(key.masterKey(), described.masterKey(), "one key for the stream's readers");
                }
                key = described;
                RawRtsp.Response setup = reader.request("SETUP", url(LIVE) + "/trackID=0", cseq++,
                        "Transport: RTP/SAVP/TCP;unicast;interleaved=0-1");
                assertEquals(200, setup.status(), setup.body());
                sessions.add(session(setup));
                assertEquals(200, reader.request("PLAY", url(LIVE), cseq++, "Session: " + session(setup)).status());
            }
            assertTrue(decryptable(staying, key, 1000) > 0, "the reader receives nothing it can decrypt");

            assertEquals(303, kick(sessions.get(1)));
            kicked.frames(300); // what was on its way
            assertEquals(0, kicked.count(0, 1000).packets(), "the kicked reader still reads");
            assertEquals(200, leaving.request("TEARDOWN", url(LIVE), cseq, "Session: " + sessions.get(2)).status());
            staying.frames(300); // what was on its way
            assertTrue(decryptable(staying, key, 2000) > 30, "the remaining reader was disturbed");
        }
    }

    @Test
    void savpIsRefusedOnPlainRtspAndWithoutADescribedKeyOrWithABadOne() throws Exception {
        try (RawRtsp clear = new RawRtsp(tributary.rtspPort()); RawRtsp tls = RawRtsp.tls(tributary.tlsPort())) {
            String track = "rtsp://127.0.0.1:" + tributary.rtspPort() + "/demo/trackID=0";
            assertEquals(461, clear.request("SETUP", track, 1, "Transport: RTP/SAVP/TCP;unicast;interleaved=0-1")
                    .status(), "keys must not travel in the clear");
            assertEquals(463, tls.request("SETUP", url("/demo") + "/trackID=0", 1,
                    "Transport: RTP/SAVP/TCP;unicast;interleaved=0-1").status(), "no key was described");
            assertEquals(200, tls.request("DESCRIBE", url("/demo"), 2).status());
            assertEquals(463, tls.request("SETUP", url("/demo") + "/trackID=0", 3,
                    "Transport: RTP/SAVP/TCP;unicast;interleaved=0-1", "KeyMgmt: prot=mikey;data=\"AQAFAA==\"")
                    .status(), "MIKEY the server cannot read");
            assertEquals(200, tls.request("SETUP", url("/demo") + "/trackID=0", 4,
                    "Transport: RTP/SAVP/TCP;unicast;interleaved=0-1").status());
        }
    }

    /** Packets of {@code reader}'s interleaved channel 0 received for {@code millis} that decrypt with {@code key}; fails on one that does not. */
    private static int decryptable(RawRtsp reader, SrtpKeys.TrackKey key, long millis) throws IOException {
        int count = 0;
        for (RawRtsp.Frame frame : reader.frames(millis)) {
            if (frame.channel() == 0) {
                assertNotNull(SrtpKeys.decrypt(key, frame.data(), key.roc()), "packet " + frame.sequence());
                count++;
            }
        }
        return count;
    }

    private static long ssrcOf(RawRtsp.Response setup) {
        Matcher m = SSRC.matcher(setup.header("Transport"));
        assertTrue(m.find(), setup.header("Transport"));
        return Long.parseLong(m.group(1), 16);
    }

    private static String session(RawRtsp.Response setup) {
        return setup.header("Session").split(";")[0];
    }

    private static String sessions() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tributary.httpPort()
                        + "/system/console/rtsp.json"))
                .header("Authorization", TributaryFixture.adminAuthorization())
                .timeout(Duration.ofSeconds(5)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Kicks a session from the web console; the status of its answer (303 when it ended). */
    private static int kick(String session) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tributary.httpPort()
                        + "/system/console/rtsp"))
                .header("Authorization", TributaryFixture.adminAuthorization())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=kick&id=" + session))
                .timeout(Duration.ofSeconds(5)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A client's RTP and RTCP sockets on an even/odd port pair of the loopback address. */
    private record UdpPair(DatagramSocket rtp, DatagramSocket rtcp) implements AutoCloseable {
        static UdpPair open() throws SocketException {
            for (int attempt = 0; attempt < 100; attempt++) {
                DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = rtp.getLocalPort();
                if (port % 2 == 0 && port < 65535) {
                    try {
                        DatagramSocket rtcp = new DatagramSocket(new InetSocketAddress(
                                InetAddress.getLoopbackAddress(), port + 1));
                        rtp.setReceiveBufferSize(4 << 20);
                        return new UdpPair(rtp, rtcp);
                    } catch (SocketException taken) {
                        // try another pair
                    }
                }
                rtp.close();
            }
            throw new SocketException("no free UDP port pair");
        }

        int rtpPort() {
            return rtp.getLocalPort();
        }

        /** The RTP datagrams received for {@code millis}. */
        List<byte[]> rtp(long millis) throws IOException {
            List<byte[]> packets = new ArrayList<>();
            byte[] buffer = new byte[65536];
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            for (long left = millis; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                rtp.setSoTimeout((int) left);
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    rtp.receive(packet);
                } catch (SocketTimeoutException done) {
                    break;
                }
                packets.add(Arrays.copyOf(packet.getData(), packet.getLength()));
            }
            return packets;
        }

        @Override
        public void close() {
            rtp.close();
            rtcp.close();
        }
    }
}
