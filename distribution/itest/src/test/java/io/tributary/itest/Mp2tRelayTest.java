package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An MPEG-2 transport stream source, as IPTV headends and encoders send it, reaches Tributary
 * and readers get it: ffmpeg muxes live H.264 and AAC into a TS and sends it as RTP
 * ({@code -f rtp_mpegts}: static payload type 33, 7 TS packets a packet), and the test pushes
 * those packets into a path with ANNOUNCE ({@code m=video 0 RTP/AVP 33}, no {@code rtpmap}),
 * SETUP {@code mode=record} and RECORD over TCP, byte for byte. Readers joining mid-stream start
 * on the cached start the MP2T depacketizer marked (PAT, PMT, then a video keyframe), over TCP
 * and UDP: GStreamer ({@code rtspsrc ! rtpmp2tdepay ! tsdemux}) decodes 2 s of the H.264 and
 * AAC inside without an error or a warning, and ffmpeg, which reads MP2T only on static payload
 * type 33 (the server serves it there), finds both streams and decodes 2 s of them without one.
 */
class Mp2tRelayTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static final String PATH = "/live/iptv";
    private static final String SDP = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=IPTV channel\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=video 0 RTP/AVP 33\r\na=control:streamid=0\r\n";
    private static TsPublisher publisher;

    private static String url() {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + PATH;
    }

    @BeforeAll
    static void publish() throws Exception {
        publisher = TsPublisher.start(url());
        publisher.awaitReadable();
    }

    @AfterAll
    static void stopPublishing() throws Exception {
        if (publisher != null) {
            publisher.close();
        }
    }

    @ParameterizedTest(name = "read over {0}")
    @ValueSource(strings = {"tcp", "udp"})
    void gstreamerDecodesTheH264AndAacInsideThePublishedTransportStream(String transport) throws Exception {
        GstPlayer.Outcome played = GstPlayer.play(url(), transport, 50, 90, Duration.ofSeconds(15));
        assertTrue(played.decodedEnough(), "GStreamer did not decode 50 H.264 and 90 AAC frames:\n"
                + played.output());
        assertEquals(List.of(), played.warnings(), "GStreamer's warnings:\n" + played.output());
        assertSourceStillSending();
    }

    @ParameterizedTest(name = "read over {0}")
    @ValueSource(strings = {"tcp", "udp"})
    void ffmpegFindsAndDecodesTheH264AndAacInsideThePublishedTransportStream(String transport) throws Exception {
        // ffprobe lists a TS's streams twice: under its program, then as the input's streams
        List<String> streams = FfmpegReader.streams(url(), "codec_name", transport);
        assertEquals(List.of("aac", "h264"), streams.stream().distinct().sorted().toList(), "streams in the TS: "
                + streams);
        String frames = FfmpegReader.frames(url(), transport, 3);
        List<String> video = ExternalTool.lines(frames, streams.indexOf("h264") + ",");
        List<String> audio = ExternalTool.lines(frames, streams.indexOf("aac") + ",");
        assertTrue(video.size() >= 2 * 25, () -> "2 s of 25 fps video decoded over " + transport + ":\n" + frames);
        assertTrue(audio.size() >= 2 * 48000 / 1024, () -> "2 s of 48 kHz AAC decoded over " + transport + ":\n"
                + frames);
        assertSourceStillSending();
    }

    private static void assertSourceStillSending() {
        assertTrue(publisher.forwarded() > 50, publisher.forwarded() + " packets published");
        assertTrue(publisher.alive(), "the source is still sending: " + publisher.output());
    }

    /**
     * ffmpeg's {@code rtp_mpegts} output published to a path: ffmpeg encodes in real time and
     * sends RTP to a socket of the test, whose thread forwards every packet as an interleaved
     * frame on the RECORD connection.
     */
    private static final class TsPublisher implements AutoCloseable {
        private final RawRtsp rtsp;
        private final DatagramSocket rtp;
        private final DatagramSocket rtcp;
        private final Process ffmpeg;
        private final Path log;
        private final Thread forwarder;
        private final AtomicLong forwarded = new AtomicLong();

        private TsPublisher(RawRtsp rtsp, DatagramSocket rtp, DatagramSocket rtcp, Process ffmpeg, Path log) {
            this.rtsp = rtsp;
            this.rtp = rtp;
            this.rtcp = rtcp;
            this.ffmpeg = ffmpeg;
            this.log = log;
            this.forwarder = Thread.ofVirtual().name("mp2t-forwarder").start(this::forward);
        }

        static TsPublisher start(String url) throws Exception {
            ExternalTool.require("ffmpeg");
            RawRtsp rtsp = new RawRtsp(tributary.rtspPort());
            byte[] body = SDP.getBytes(StandardCharsets.UTF_8);
            rtsp.send("ANNOUNCE " + url + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: application/sdp\r\nContent-Length: "
                    + body.length + "\r\n\r\n" + SDP);
            RawRtsp.Response announce = rtsp.read();
            assertEquals(200, announce.status(), "ANNOUNCE of payload type 33: " + announce.body());
            RawRtsp.Response setup = rtsp.request("SETUP", url + "/streamid=0", 2,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record");
            assertEquals(200, setup.status(), setup.body());
            RawRtsp.Response record = rtsp.request("RECORD", url, 3,
                    "Session: " + setup.header("Session").split(";")[0]);
            assertEquals(200, record.status(), record.body());

            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            DatagramSocket rtp = new DatagramSocket(loopback);
            DatagramSocket rtcp = new DatagramSocket(loopback);
            rtp.setReceiveBufferSize(1 << 20);
            Path log = Files.createTempFile("mp2t-source", ".log");
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-re",
                    "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                    "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                    "-f", "rtp_mpegts", "rtp://127.0.0.1:" + rtp.getLocalPort() + "?rtcpport=" + rtcp.getLocalPort())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            return new TsPublisher(rtsp, rtp, rtcp, ffmpeg, log);
        }

        private void forward() {
            byte[] buffer = new byte[65_536];
            try {
                while (true) {
                    DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                    rtp.receive(datagram);
                    rtsp.sendBytes(RawRtsp.interleaved(0, Arrays.copyOf(buffer, datagram.getLength())));
                    forwarded.incrementAndGet();
                }
            } catch (SocketException closed) {
                // the test is over
            } catch (IOException e) {
                throw new IllegalStateException("publishing connection failed", e);
            }
        }

        /** Waits until a reader of the path receives the stream's packets. */
        void awaitReadable() throws Exception {
            boolean ready = Await.until(Duration.ofSeconds(15), () -> !ffmpeg.isAlive() || Publisher.receives(tributary.rtspPort(), url()));
            if (!ffmpeg.isAlive() || !ready) {
                fail("the TS source did not reach " + url() + ":\n" + output());
            }
        }

        long forwarded() {
            return forwarded.get();
        }

        boolean alive() {
            return ffmpeg.isAlive() && forwarder.isAlive();
        }

        String output() {
            try {
                return ExternalTool.tail(Files.readString(log, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        @Override
        public void close() throws Exception {
            ffmpeg.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            rtp.close();
            rtcp.close();
            forwarder.join(5000);
            rtsp.close();
            Files.deleteIfExists(log);
        }
    }
}
