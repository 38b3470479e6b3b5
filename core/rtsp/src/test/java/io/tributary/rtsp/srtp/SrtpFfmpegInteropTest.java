package io.tributary.rtsp.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interoperability with FFmpeg's own SRTP (libavformat/srtp.c, not libsrtp) over real UDP sockets,
 * keyed as SDES keys it ({@code a=crypto}); FFmpeg's SRTCP tag is as long as its SRTP tag.
 */
class SrtpFfmpegInteropTest {
    private static final byte[] KEY = HexFormat.of().parseHex(
            "e1f97a0d3e018be0d64fa32c06de41390ec675ad498afeebb6960b3aabe6");
    private static final long SSRC = 0x1234_5678L;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetsFfmpegProtectsAreUnprotected(SrtpProfile profile) throws Exception {
        String ffmpeg = ffmpeg();
        try (PortPair srtp = pair(); PortPair plain = pair()) {
            List<byte[]> srtpIn = new CopyOnWriteArrayList<>();
            List<byte[]> srtcpIn = new CopyOnWriteArrayList<>();
            List<byte[]> plainIn = new CopyOnWriteArrayList<>();
            List<Thread> readers = List.of(reader(srtp.rtp(), srtpIn), reader(srtp.rtcp(), srtcpIn),
                    reader(plain.rtp(), plainIn), reader(plain.rtcp(), new ArrayList<>()));
            String base64 = Base64.getEncoder().encodeToString(KEY);
            // the same packets twice, once protected: FFmpeg's SRTP takes 14 bytes off the packet size
            String common = "f=rtp:ssrc=" + SSRC + ":seq=65400:rtpflags=send_bye";
            Process p = new ProcessBuilder(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=8", "-map", "0:a",
                    "-c:a", "pcm_mulaw", "-f", "tee",
                    "[" + common + ":srtp_out_suite=" + profile.name() + ":srtp_out_params=" + base64 + "]srtp://127.0.0.1:"
                            + srtp.rtp().getLocalPort() + "?pkt_size=200|[" + common + "]rtp://127.0.0.1:"
                            + plain.rtp().getLocalPort() + "?pkt_size=186")
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, log);
            for (Thread t : readers) {
                t.join(5_000);
            }

            assertTrue(plainIn.size() > 300, "packets sent: " + plainIn.size());
            assertEquals(plainIn.size(), srtpIn.size(), "UDP on loopback lost nothing");
            SrtpReceiver receiver = new SrtpReceiver(SrtpPolicy.of(profile, MasterKey.of(KEY)), SSRC);
            for (int i = 0; i < srtpIn.size(); i++) {
                byte[] decrypted = (byte[]) Packets.unprotectRtp(receiver, srtpIn.get(i));
                byte[] expected = plainIn.get(i);
                // each muxer draws its own random first timestamp: compare all but that
                Arrays.fill(decrypted, 4, 8, (byte) 0);
                Arrays.fill(expected, 4, 8, (byte) 0);
                assertArrayEquals(expected, decrypted, "packet " + i);
            }
            assertEquals(1, receiver.rolloverCounter(), "the sequence numbers wrapped");
            assertTrue(srtcpIn.size() >= 2, "a sender report and a BYE");
            for (byte[] srtcp : srtcpIn) {
                byte[] rtcp = (byte[]) Packets.unprotectRtcp(receiver, srtcp);
                assertEquals(2, (rtcp[0] & 0xFF) >>> 6);
                assertEquals(200, rtcp[1] & 0xFF, "starts with a sender report");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetsWeProtectAreDecodedByFfmpeg(SrtpProfile profile) throws Exception {
        String ffmpeg = ffmpeg();
        int port;
        try (PortPair probe = pair()) {
            port = probe.rtp().getLocalPort();
        }
        SrtpPolicy policy = SrtpPolicy.of(profile, MasterKey.of(KEY));
        Path sdp = dir.resolve("in.sdp");
        Files.writeString(sdp, "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=tributary\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/SAVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=crypto:1 " + profile.name() + " inline:" + Base64.getEncoder().encodeToString(KEY) + "\r\n");
        Path out = dir.resolve("out.ulaw");
        Process p = new ProcessBuilder(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error",
                "-protocol_whitelist", "file,udp,rtp,srtp", "-i", sdp.toString(), "-c", "copy", "-f", "mulaw", "-y",
                out.toString()).redirectErrorStream(true).start();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            awaitBound(port, p);
            SrtpSender sender = new SrtpSender(policy, SSRC);
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            Random random = new Random(1);
            for (int n = 0; n < 250; n++) {
                byte[] payload = new byte[160];
                random.nextBytes(payload);
                sent.writeBytes(payload);
                ByteBuffer rtp = ByteBuffer.allocate(12 + 160).put((byte) 0x80).put((byte) 0)
                        .putShort((short) (65500 + n)).putInt(160 * n).putInt((int) SSRC).put(payload);
                send(socket, Packets.protectRtp(sender, rtp.array()), port);
                Thread.sleep(1);
            }
            // FFmpeg stops at the BYE even with RTP still queued in the other socket
            Thread.sleep(500);
            // a sender report and a BYE, which ends FFmpeg's input
            ByteBuffer rtcp = ByteBuffer.allocate(28 + 8).put((byte) 0x80).put((byte) 200).putShort((short) 6)
                    .putInt((int) SSRC).putLong(0xE700_0000_0000_0000L).putInt(160 * 250).putInt(250).putInt(40000)
                    .put((byte) 0x81).put((byte) 203).putShort((short) 1).putInt((int) SSRC);
            send(socket, Packets.protectRtcp(sender, rtcp.array()), port + 1);
            // FFmpeg also gives up by itself after about ten seconds without packets: a quick exit
            // is the proof that it authenticated the BYE
            assertTrue(p.waitFor(5, TimeUnit.SECONDS), "FFmpeg did not take the SRTCP BYE");
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), log);
            assertArrayEquals(sent.toByteArray(), Files.readAllBytes(out), "the decoded audio is what was sent");
        } finally {
            p.destroyForcibly();
        }
    }

    private static String ffmpeg() {
        String path = null;
        for (String dirName : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(dirName, "ffmpeg");
            if (f.canExecute()) {
                path = f.getPath();
                break;
            }
        }
        Assumptions.assumeTrue(path != null, "ffmpeg is not installed");
        return path;
    }

    /** An RTP and an RTCP socket on adjacent ports of the loopback, RTP even. */
    private record PortPair(DatagramSocket rtp, DatagramSocket rtcp) implements AutoCloseable {
        @Override
        public void close() {
            rtp.close();
            rtcp.close();
        }
    }

    private static PortPair pair() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
            if (rtp.getLocalPort() % 2 == 0) {
                try {
                    DatagramSocket rtcp = new DatagramSocket(new InetSocketAddress(LOOPBACK, rtp.getLocalPort() + 1));
                    for (DatagramSocket s : new DatagramSocket[] {rtp, rtcp}) {
                        s.setReceiveBufferSize(1 << 20);
                        s.setSoTimeout(3_000);
                    }
                    return new PortPair(rtp, rtcp);
                } catch (BindException taken) {
                    // try another
                }
            }
            rtp.close();
        }
        throw new IOException("no free port pair");
    }

    /** Collects datagrams until three seconds pass without one. */
    private static Thread reader(DatagramSocket socket, List<byte[]> into) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[2048];
            while (true) {
                DatagramPacket d = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(d);
                } catch (SocketTimeoutException | java.net.SocketException done) {
                    return;
                } catch (IOException e) {
                    return;
                }
                into.add(Arrays.copyOf(d.getData(), d.getLength()));
            }
        });
        t.start();
        return t;
    }

    /**
     * Waits until FFmpeg has bound {@code port}, as Linux's socket table shows; elsewhere waits two
     * seconds. (Probing by binding the port ourselves would race FFmpeg's bind.)
     */
    private static void awaitBound(int port, Process ffmpeg) throws Exception {
        Path table = Path.of("/proc/net/udp");
        if (!Files.exists(table)) {
            Thread.sleep(2_000);
            return;
        }
        String local = String.format(":%04X ", port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && ffmpeg.isAlive()) {
            for (String line : Files.readAllLines(table)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 1 && (fields[1] + " ").endsWith(local)) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("FFmpeg did not open port " + port + ": "
                + (ffmpeg.isAlive() ? "" : new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static void send(DatagramSocket socket, byte[] packet, int port) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length, LOOPBACK, port));
    }
}
