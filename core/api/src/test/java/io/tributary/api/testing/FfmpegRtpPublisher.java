package io.tributary.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.RtpPacket;
import io.tributary.rtsp.sdp.RtpMap;
import io.tributary.rtsp.sdp.SdpMedia;
import io.tributary.rtsp.sdp.SdpParser;
import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs ffmpeg as an RTP publisher towards UDP sockets of the test and collects what it sends:
 * the SDP it writes (what an ANNOUNCE would carry) and every RTP packet, in sending order
 * (loopback neither loses nor reorders at these rates, which {@link #publish} checks).
 */
public final class FfmpegRtpPublisher {
    /** Longest a run may take before it is killed: a hung ffmpeg must not hang the build. */
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** More packets than any test stream needs: a runaway sender must not exhaust the heap. */
    private static final int MAX_PACKETS = 10_000;
    private static final int QUIET_MILLIS = 50;

    /** What one run produced: the first media of the SDP and its RTP packets. */
    public record Capture(int payloadType, Encoding encoding, String fmtp, List<RtpPacket> packets) {
    }

    private FfmpegRtpPublisher() {
    }

    /** Skips the calling test when there is no ffmpeg to run (CI installs it). */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(executable().isPresent(), "ffmpeg not installed");
    }

    /**
     * Runs {@code ffmpeg <encoding> -f rtp -sdp_file … rtp://127.0.0.1:… <moreOutputs>} and
     * returns what it sent once it has exited.
     *
     * @param encoding    input and encoder options, e.g. {@code -f lavfi -i testsrc … -c:v libx264}
     * @param moreOutputs further outputs of the same run, e.g. the encoder's frames in a file
     */
    public static Capture publish(Path workDirectory, List<String> encoding, List<String> moreOutputs)
            throws IOException, InterruptedException {
        Path sdpFile = workDirectory.resolve("publisher.sdp");
        Path log = workDirectory.resolve("ffmpeg.log");
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        // RTCP gets its own socket so that ffmpeg's sender reports reach no one else's port
        try (DatagramSocket rtp = new DatagramSocket(loopback); DatagramSocket rtcp = new DatagramSocket(loopback)) {
            rtp.setReceiveBufferSize(4 << 20);
            rtp.setSoTimeout(QUIET_MILLIS);
            List<String> command = new ArrayList<>(List.of(executable().orElseThrow().toString(),
                    "-hide_banner", "-nostdin", "-loglevel", "error"));
            command.addAll(encoding);
            command.addAll(List.of("-f", "rtp", "-sdp_file", sdpFile.toString(),
                    "rtp://127.0.0.1:" + rtp.getLocalPort() + "?rtcpport=" + rtcp.getLocalPort()));
            command.addAll(moreOutputs);
            Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            List<byte[]> datagrams = receiveUntilExit(rtp, ffmpeg);
            assertEquals(0, ffmpeg.waitFor(), () -> "ffmpeg failed: " + read(log));
            return capture(Files.readString(sdpFile), datagrams);
        }
    }

    private static List<byte[]> receiveUntilExit(DatagramSocket socket, Process ffmpeg) throws IOException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        List<byte[]> datagrams = new ArrayList<>();
        byte[] buffer = new byte[65_536];
        try {
            while (true) {
                if (System.nanoTime() - deadline > 0) {
                    fail("ffmpeg still running after " + TimeUnit.NANOSECONDS.toSeconds(DEADLINE_NANOS) + " s");
                }
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(datagram);
                } catch (SocketTimeoutException quiet) {
                    // loopback delivers during the send: once ffmpeg has exited, all is queued and read
                    if (!ffmpeg.isAlive()) {
                        return datagrams;
                    }
                    continue;
                }
                if (datagrams.size() == MAX_PACKETS) {
                    fail("ffmpeg sent more than " + MAX_PACKETS + " packets");
                }
                datagrams.add(Arrays.copyOfRange(datagram.getData(), datagram.getOffset(),
                        datagram.getOffset() + datagram.getLength()));
            }
        } finally {
            ffmpeg.destroyForcibly();
        }
    }

    private static Capture capture(String sdp, List<byte[]> datagrams) {
        SdpMedia media = SdpParser.parse(sdp).media().getFirst();
        int payloadType = Integer.parseInt(media.formats().getFirst());
        RtpMap rtpmap = media.rtpmapOrStatic(payloadType);
        assertNotNull(rtpmap, () -> "no rtpmap in\n" + sdp);
        Encoding encoding = new Encoding(rtpmap.encoding(), rtpmap.clockRate(),
                Objects.requireNonNullElse(rtpmap.channels(), 0));
        List<RtpPacket> packets = new ArrayList<>();
        for (byte[] datagram : datagrams) {
            RtpPacket packet = RtpPacket.parse(ByteBuffer.wrap(datagram));
            assertNotNull(packet, "ffmpeg sent a datagram that is not RTP");
            assertEquals(payloadType, packet.payloadType(), "payload type");
            if (!packets.isEmpty()) {
                assertEquals((packets.getLast().sequenceNumber() + 1) & 0xFFFF, packet.sequenceNumber(),
                        "loopback lost or reordered a packet: the test cannot tell what the depacketizer did");
            }
            packets.add(packet);
        }
        return new Capture(payloadType, encoding, Objects.requireNonNullElse(media.fmtp(payloadType), ""), packets);
    }

    private static Optional<Path> executable() {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return Stream.concat(Arrays.stream(path.split(File.pathSeparator)), Stream.of("/usr/bin"))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "ffmpeg"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
