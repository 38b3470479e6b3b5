package io.tributary.codecs.mjpeg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.testing.FfmpegPublisherTestBase;
import io.tributary.api.testing.FfmpegRtpPublisher;
import io.tributary.api.testing.PayloadRoundTrip;
import io.tributary.api.testing.RtpPackets;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real publisher and a real receiver. ffmpeg encodes its test pattern as Motion JPEG and
 * sends it as RTP (static payload type 26, as it announces it): its SDP goes through
 * {@code receivedTrack}, its packets through the depacketizer, and every image comes out as
 * the encoder wrote it (less APP0 and COM) and decodes without an error. ffmpeg 5.1 sends
 * images with restart markers as type 1, without the restart marker header, so their DRI
 * segment is lost on its side: they come out as sent, without it. The other way, ffmpeg
 * receives what the packetizer makes of the images and decodes the same pictures.
 */
class JpegFfmpegPublisherTest extends FfmpegPublisherTestBase<JpegPayloadFormat> {
    private static final int FRAMES = 20;
    private static final List<String> ENCODER = List.of("-c:v", "mjpeg", "-huffman", "default", "-pix_fmt",
            "yuvj420p", "-q:v", "4");

    JpegFfmpegPublisherTest() {
        super(new JpegPayloadFormat(), 700);
    }

    private static List<String> testPattern() {
        return List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-frames:v", Integer.toString(FRAMES));
    }

    @ParameterizedTest(name = "restart markers: {0}")
    @ValueSource(booleans = {false, true})
    void ffmpegsRtpGivesBackItsEncodersImagesWhichDecode(boolean restartMarkers) throws Exception {
        List<String> encoder = new ArrayList<>(ENCODER);
        if (restartMarkers) {
            encoder.addAll(List.of("-threads", "2", "-slices", "3"));
        }
        List<String> encoding = new ArrayList<>(testPattern());
        encoding.addAll(encoder);
        List<String> frames = new ArrayList<>(encoder);
        frames.addAll(List.of("-frames:v", Integer.toString(FRAMES), "-f", "image2", work.resolve("frame-%03d.jpg").toString()));
        FfmpegRtpPublisher.Capture capture = FfmpegRtpPublisher.publish(work, encoding, frames);
        assertEquals(26, capture.payloadType(), "ffmpeg sends JPEG on its static payload type");
        TrackDescription track = format.receivedTrack(0, MediaType.VIDEO, capture.encoding(), capture.fmtp());

        List<AccessUnit> units = depacketize(track, capture.packets());

        assertEquals(FRAMES, units.size(), "one image per frame");
        for (int i = 0; i < FRAMES; i++) {
            byte[] encoded = Files.readAllBytes(work.resolve(String.format("frame-%03d.jpg", i + 1)));
            byte[] expected = TestImages.withoutApplicationSegments(encoded);
            if (restartMarkers) {
                // ffmpeg 5.1's RTP muxer sends type 1 without the restart marker header: its DRI is lost there
                int dri = JpegImageTest.segmentAt(expected, JpegMarker.DRI);
                expected = JpegImageTest.removed(expected, dri, 6);
            }
            assertArrayEquals(expected, TestImages.bytes(units.get(i)), "image " + i);
            assertTrue(units.get(i).keyframe());
            if (i > 0) {
                assertEquals(3600, (units.get(i).presentationTime() - units.get(i - 1).presentationTime())
                        & RTP_TIMESTAMP_MASK, "40 ms apart");
            }
        }
        List<byte[]> images = units.stream().map(TestImages::bytes).toList();
        if (!restartMarkers) {
            // without their DRI, ffmpeg's own images with restart markers do not decode: ffmpeg's loss, which
            // the packetizer does not repeat (type 65, see JpegRoundTripTest)
            assertEquals(FRAMES, TestImages.decodedHashes(work, images).size(), "every image decodes");
        }
        List<AccessUnit> relayed = relay(track, units);
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(units.get(i).dataView(), relayed.get(i).dataView(), "relayed image " + i);
        }
    }

    /**
     * ffmpeg reads an SDP naming our port and decodes what our packetizer sends it: the images
     * in a loop, in real time, until it has decoded two rounds; each is one of the originals'
     * pictures, in the order sent.
     */
    @Test
    void ffmpegDecodesOurPacketizationToTheSamePictures() throws Exception {
        List<byte[]> images = TestImages.ffmpeg(work, FRAMES, ENCODER.subList(2, ENCODER.size()));
        List<String> originals = TestImages.decodedHashes(work, images);
        TrackDescription track = new TrackDescription(0, MediaType.VIDEO, JpegPayloadFormatTest.JPEG, null, 0, 0, 0);
        int port = freeUdpPort();
        Path sdp = work.resolve("ours.sdp");
        Files.writeString(sdp, "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=ours\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=video " + port + " RTP/AVP " + RtpPackets.PAYLOAD_TYPE + "\r\n"
                + "a=rtpmap:" + RtpPackets.PAYLOAD_TYPE + " " + format.describe(track, 96).rtpmap() + "\r\n");
        Path out = work.resolve("decoded.framemd5");
        Path log = work.resolve("receiver.log");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-v", "error",
                "-protocol_whitelist", "file,udp,rtp", "-i", sdp.toString(), "-frames:v", Integer.toString(2 * FRAMES),
                "-f", "framemd5", out.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            awaitBound(port, ffmpeg);
            InetSocketAddress receiver = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            var packetizer = format.packetizer(track, 1000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int sequence = 100;
            for (int i = 0; ffmpeg.isAlive() && System.nanoTime() < deadline; i++) {
                AccessUnit unit = new AccessUnit(0, 3600L * i, 3600L * i, true,
                        ByteBuffer.wrap(images.get(i % FRAMES)));
                List<RtpPacket> packets = PayloadRoundTrip.packetize(packetizer, 1000, List.of(unit), sequence);
                sequence += packets.size();
                for (RtpPacket packet : packets) {
                    byte[] wire = wire(packet);
                    socket.send(new DatagramPacket(wire, wire.length, receiver));
                }
                Thread.sleep(40);
            }
            assertTrue(ffmpeg.waitFor(2, TimeUnit.SECONDS), () -> "ffmpeg still waiting for frames: " + read(log));
        } finally {
            ffmpeg.destroyForcibly();
        }
        assertEquals(0, ffmpeg.exitValue(), read(log));
        assertEquals("", read(log).strip(), "no errors or warnings");
        List<String> decoded = Files.readAllLines(out).stream().filter(l -> l.startsWith("0,"))
                .map(l -> l.substring(l.lastIndexOf(',') + 1).strip()).toList();
        assertEquals(2 * FRAMES, decoded.size());
        for (int i = 0; i < decoded.size(); i++) {
            assertEquals(originals.get(i % FRAMES), decoded.get(i), "picture " + i);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static byte[] wire(RtpPacket packet) {
        ByteBuffer payload = packet.payload();
        ByteBuffer wire = ByteBuffer.allocate(12 + payload.remaining());
        io.tributary.rtsp.rtp.RtpHeader.write(wire, packet.marker(), packet.payloadType(), packet.sequenceNumber(),
                packet.timestamp(), packet.ssrc());
        return wire.put(payload).array();
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return probe.getLocalPort();
        }
    }

    /** Waits until ffmpeg has bound the RTP port (Linux: /proc/net/udp), so that no packet goes unheard. */
    private static void awaitBound(int port, Process ffmpeg) throws Exception {
        Path udp = Path.of("/proc/net/udp");
        String local = String.format(":%04X ", port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && ffmpeg.isAlive()) {
            if (!Files.exists(udp)) {
                Thread.sleep(1000); // elsewhere: give ffmpeg a second to start listening
                return;
            }
            if (Files.readAllLines(udp).stream().anyMatch(line -> line.contains(local))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("ffmpeg did not listen on UDP port " + port);
    }
}
