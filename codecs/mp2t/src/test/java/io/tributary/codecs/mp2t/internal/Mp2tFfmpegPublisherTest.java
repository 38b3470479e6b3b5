package io.tributary.codecs.mp2t.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.testing.FfmpegRtpPublisher;
import io.tributary.api.testing.PayloadRoundTrip;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real source: ffmpeg muxes 3 s of H.264 (a keyframe a second) and AAC into a transport
 * stream and sends it as RTP the way IPTV encoders do ({@code -f rtp_mpegts}, static payload
 * type 33). Every packet comes out as one unit, byte for byte; the units make a TS that ffprobe
 * reads with both streams; readers start only on video keyframes, and decode from each start
 * without an error. (The depacketizer may still hold the last few units when the stream stops.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Mp2tFfmpegPublisherTest {
    private static final Mp2tPayloadFormat FORMAT = new Mp2tPayloadFormat();
    private static final TrackDescription TRACK = FORMAT.receivedTrack(0, MediaType.VIDEO,
            new Encoding("MP2T", 90000, 0), "");

    @TempDir
    static Path work;
    private static List<RtpPacket> packets;
    private static List<AccessUnit> units;

    @BeforeAll
    static void publish() throws Exception {
        FfmpegRtpPublisher.assumeInstalled();
        packets = sendRtpMpegts(List.of("-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast",
                "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k"));
        units = PayloadRoundTrip.depacketize(FORMAT.depacketizer(TRACK), packets);
    }

    @Test
    void everyPacketOfFfmpegComesOutAsOneUnitAtItsTime() {
        assertTrue(packets.size() > 50, packets.size() + " packets");
        assertTrue(packets.stream().allMatch(p -> p.payloadType() == 33), "static payload type 33");
        assertTrue(packets.stream().limit(packets.size() - 1).allMatch(p -> p.payload().remaining() == 7 * 188),
                "ffmpeg sends 7 TS packets a payload");
        assertTrue(packets.size() - units.size() <= TsDepacketizer.MAX_HELD_UNITS,
                units.size() + " units of " + packets.size() + " packets");
        for (int i = 0; i < units.size(); i++) {
            assertEquals(packets.get(i).payload(), units.get(i).dataView(), "unit " + i);
            assertEquals(packets.get(i).timestamp(), units.get(i).presentationTime(), "time of unit " + i);
        }
    }

    @Test
    void theUnitsAreATransportStreamFfprobeReadsWithH264AndAac() throws Exception {
        Path ts = write("all.ts", units);
        String streams = run("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                ts.toString());
        assertEquals(List.of("aac", "h264"),
                streams.lines().map(String::strip).filter(name -> !name.isEmpty()).distinct().sorted().toList(),
                "ffprobe lists a program's streams, then all streams");
    }

    @Test
    void readersStartOnVideoKeyframesOnlyAndDecodeFromEachWithoutAnError() throws Exception {
        String keyFlags = run("ffprobe", "-v", "error", "-select_streams", "v", "-show_entries", "packet=flags",
                "-of", "csv=p=0", write("all.ts", units).toString());
        long videoKeyframes = keyFlags.lines().filter(flags -> flags.startsWith("K")).count();
        List<Integer> starts = IntStream.range(0, units.size()).filter(i -> units.get(i).keyframe()).boxed().toList();

        assertEquals(3, videoKeyframes, "ffprobe's count of H.264 keyframes in 3 s at a GOP of 25");
        assertTrue(starts.size() >= 2 && starts.size() <= videoKeyframes, "starts at units " + starts);
        assertEquals(0, starts.getFirst());
        for (int start : starts) {
            Path tail = write("from-" + start + ".ts", units.subList(start, units.size()));
            String errors = run("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-i", tail.toString(), "-f",
                    "null", "-");
            assertEquals("", errors, "a reader starting on unit " + start);
            String frames = run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v", "-show_entries",
                    "stream=nb_read_frames", "-of", "csv=p=0", tail.toString());
            int decoded = Integer.parseInt(frames.lines().filter(line -> !line.isBlank()).findFirst().orElseThrow()
                    .strip());
            assertTrue(decoded >= 20, decoded + " pictures decoded from unit " + start);
        }
    }

    @Test
    void aRelayCuttingSmallerPayloadsGivesReadersTheSameBytes() {
        List<AccessUnit> relayed = PayloadRoundTrip.relay(FORMAT, TRACK, 1000, units);

        ByteBuffer sent = bytes(units);
        ByteBuffer received = bytes(relayed);
        assertTrue(sent.remaining() - received.remaining() <= TsDepacketizer.MAX_HELD_UNITS * 5 * 188,
                "only the relay's last units may still be held");
        assertEquals(sent.limit(received.remaining()), received);
        assertTrue(relayed.stream().allMatch(unit -> unit.dataView().remaining() <= 5 * 188));
    }

    /** Runs ffmpeg with {@code -f rtp_mpegts} towards a socket of the test and returns every RTP packet it sent. */
    private static List<RtpPacket> sendRtpMpegts(List<String> input) throws IOException, InterruptedException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (DatagramSocket rtp = new DatagramSocket(loopback); DatagramSocket rtcp = new DatagramSocket(loopback)) {
            rtp.setReceiveBufferSize(4 << 20);
            rtp.setSoTimeout(50);
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error"));
            command.addAll(input);
            command.addAll(List.of("-f", "rtp_mpegts",
                    "rtp://127.0.0.1:" + rtp.getLocalPort() + "?rtcpport=" + rtcp.getLocalPort()));
            Path log = work.resolve("ffmpeg.log");
            Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            List<RtpPacket> received = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            byte[] buffer = new byte[65_536];
            try {
                while (System.nanoTime() - deadline < 0) {
                    DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                    try {
                        rtp.receive(datagram);
                    } catch (SocketTimeoutException quiet) {
                        if (!ffmpeg.isAlive()) {
                            break;
                        }
                        continue;
                    }
                    RtpPacket packet = RtpPacket.parse(ByteBuffer.wrap(Arrays.copyOf(datagram.getData(),
                            datagram.getLength())));
                    assertNotNull(packet, "ffmpeg sent a datagram that is not RTP");
                    if (!received.isEmpty()) {
                        assertEquals((received.getLast().sequenceNumber() + 1) & 0xFFFF, packet.sequenceNumber(),
                                "loopback lost or reordered a packet");
                    }
                    received.add(packet);
                }
            } finally {
                ffmpeg.destroyForcibly();
            }
            assertEquals(0, ffmpeg.waitFor(), () -> "ffmpeg failed: " + read(log));
            assertFalse(received.isEmpty(), "ffmpeg sent nothing");
            return received;
        }
    }

    private static Path write(String name, List<AccessUnit> units) throws IOException {
        Path file = work.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            var channel = Channels.newChannel(out);
            for (AccessUnit unit : units) {
                channel.write(unit.dataView());
            }
        }
        return file;
    }

    /** The command's standard output and error; fails unless it exits with 0. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static ByteBuffer bytes(List<AccessUnit> units) {
        ByteBuffer all = ByteBuffer.allocate(units.stream().mapToInt(u -> u.dataView().remaining()).sum());
        units.forEach(unit -> all.put(unit.dataView()));
        return all.flip();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
