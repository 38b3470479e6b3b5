package io.tributary.client;

import static io.tributary.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.PortRange;
import io.tributary.rtsp.header.TransportHeader;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.Decoded;
import io.tributary.rtsp.message.RtspRequest;
import io.tributary.rtsp.sdp.SdpParser;
import io.tributary.rtsp.sdp.SessionDescription;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** ANNOUNCE + SETUP mode=record + RECORD + RTP, against a fake server and against ffmpeg's listener. */
@Timeout(60)
class PublishTest {
    @RegisterExtension
    static final SharedClient shared = new SharedClient();
    private static final RtspClient client = shared.client;

    @Test
    void publishesOverTcpToAFakeServer() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(FakeCamera::answer)) {
            SessionDescription sdp = SdpParser.parse(TestSupport.SDP.replace("a=control:trackID=2\r\n", ""));
            ClientSession session = await(client.connect(server.url("/publish/cam1")), 5000);
            Description d = await(session.publish(sdp, LowerTransport.TCP), 5000);

            RtspRequest announce = server.next("ANNOUNCE", 1000);
            assertEquals("application/sdp", announce.header("Content-Type"));
            String body = new String(announce.body(), StandardCharsets.UTF_8);
            assertTrue(body.contains("a=control:trackID=1\r\n"), "given controls are kept: " + body);
            assertTrue(body.contains("a=control:trackID=2\r\n"), "a missing control is added, unique: " + body);
            assertEquals(server.url("/publish/cam1") + "/trackID=1", d.tracks().get(0).controlUrl());
            assertEquals(server.url("/publish/cam1") + "/trackID=2", d.tracks().get(1).controlUrl());

            RtspRequest setup = server.next("SETUP", 1000);
            assertEquals("RTP/AVP/TCP;unicast;interleaved=0-1;mode=record", setup.header("Transport"));
            assertNotNull(server.next("SETUP", 1000), "both tracks set up");
            RtspRequest record = server.next("RECORD", 1000);
            assertEquals("npt=0.000-", record.header("Range"));
            assertEquals(FakeCamera.SESSION, record.header("Session"));

            List<byte[]> sent = List.of(TestSupport.rtp(96, 1, 0, 9, 50), TestSupport.rtp(96, 2, 3000, 9, 60));
            for (byte[] p : sent) {
                assertTrue(session.sendRtp(0, ByteBuffer.wrap(p)));
            }
            assertTrue(session.sendRtcp(1, ByteBuffer.wrap(TestSupport.rtcpBye(9))));
            for (byte[] p : sent) {
                Decoded.Interleaved frame = server.frames.poll(2, TimeUnit.SECONDS);
                assertNotNull(frame);
                assertEquals(0, frame.channel());
                byte[] got = new byte[frame.payload().remaining()];
                frame.payload().get(got);
                assertArrayEquals(p, got);
            }
            Decoded.Interleaved rtcp = server.frames.poll(2, TimeUnit.SECONDS);
            assertNotNull(rtcp);
            assertEquals(3, rtcp.channel(), "track 1's RTCP channel");
            assertEquals(false, session.sendRtp(5, ByteBuffer.wrap(sent.getFirst())), "no such track");
            session.close();
        }
    }

    @Test
    void publishesOverUdpToAFakeServer() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramSocket serverRtp = new DatagramSocket(new InetSocketAddress(lo, 0));
             FakeRtspServer server = new FakeRtspServer(ex -> {
                 if (ex.method().equals("SETUP")) {
                     TransportSpec spec = TransportHeader.parse(ex.header("Transport")).getFirst()
                             .withServerPort(new PortRange(serverRtp.getLocalPort(), serverRtp.getLocalPort()));
                     ex.ok("Session: 5", "Transport: " + TransportHeader.format(spec));
                 } else {
                     FakeCamera.answer(ex);
                 }
             })) {
            serverRtp.setSoTimeout(3000);
            SessionDescription sdp = SdpParser.parse(TestSupport.SDP.replace(
                    "m=audio 0 RTP/AVP 0\r\na=control:trackID=2\r\n", ""));
            ClientSession session = await(client.connect(server.url("/pub")), 5000);
            await(session.publish(sdp, LowerTransport.UDP), 5000);
            assertTrue(server.next("SETUP", 1000).header("Transport").endsWith(";mode=record"));
            byte[] p = TestSupport.rtp(96, 77, 0, 3, 40);
            assertTrue(session.sendRtp(0, ByteBuffer.wrap(p)));
            DatagramPacket got = new DatagramPacket(new byte[1500], 1500);
            serverRtp.receive(got);
            assertEquals(p.length, got.getLength(), "no hole-punch packets when publishing, just media");
            session.close();
        }
    }

    /**
     * ffmpeg as the server ({@code -rtsp_flags listen}) accepts our ANNOUNCE/SETUP/RECORD and
     * reads the H.264 we send over TCP; TEARDOWN ends its input, so it exits and reports frames.
     */
    @Test
    void publishesH264ToFfmpeg(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(ExternalProcess.ffmpegWithLibx264(), "ffmpeg with libx264 not installed");
        H264Sample clip = H264Sample.encode(dir, 20);
        int port = ExternalProcess.freeTcpPort();
        String url = "rtsp://127.0.0.1:" + port + "/live";
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-rtsp_flags", "listen",
                "-listen_timeout", "20", "-i", url, "-c", "copy", "-f", "null", "-")
                .redirectErrorStream(true).start();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CompletableFuture<Void> pump = CompletableFuture.runAsync(() -> {
            try {
                ffmpeg.getInputStream().transferTo(log);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        try {
            ClientSession session = connectWhenListening(url);
            await(session.publish(SdpParser.parse(clip.sdp()), LowerTransport.TCP), 5000);
            List<ByteBuffer> packets = clip.packets(0x5EED);
            for (ByteBuffer p : packets) {
                assertTrue(session.sendRtp(0, p));
            }
            Thread.sleep(300); // let ffmpeg read before we say goodbye
            await(session.teardown(), 5000);
            assertTrue(ffmpeg.waitFor(20, TimeUnit.SECONDS), "ffmpeg did not finish");
            pump.get(5, TimeUnit.SECONDS);
            String out = log.toString(StandardCharsets.UTF_8);
            assertEquals(0, ffmpeg.exitValue(), out);
            Matcher frames = Pattern.compile("frame=\\s*(\\d+)").matcher(out);
            int last = -1;
            while (frames.find()) {
                last = Integer.parseInt(frames.group(1));
            }
            assertTrue(out.contains("Video: h264"), out);
            assertTrue(last >= 15, "ffmpeg read " + last + " of 20 frames:\n" + out);
        } finally {
            ExternalProcess.stop(ffmpeg);
        }
    }

    /** ffmpeg opens its port a moment after starting: retry the connect, bounded. */
    private static ClientSession connectWhenListening(String url) throws Exception {
        RtspClientException last = null;
        for (int i = 0; i < 100; i++) {
            try {
                return await(client.connect(url), 2000);
            } catch (RtspClientException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }
}
