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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An MPEG-2 transport stream source, as IPTV headends and encoders send it, reaches Tributary
 * and readers get it: ffmpeg muxes live H.264 and AAC into a TS and sends it as RTP
 * ({@code -f rtp_mpegts}: static payload type 33, 7 TS packets a packet), and the test pushes
 * those packets into a path with ANNOUNCE ({@code m=video 0 RTP/AVP 33}, no {@code rtpmap}),
 * SETUP {@code mode=record} and RECORD over TCP, byte for byte. GStreamer then reads the path
 * over TCP and UDP ({@code rtspsrc ! rtpmp2tdepay ! tsdemux}), finds H.264 and AAC inside the
 * TS and decodes 2 s of both without an error or a warning: a reader joining mid-stream starts
 * on the cached start the MP2T depacketizer marked (PAT, PMT, then a video keyframe).
 *
 * <p>ffmpeg 5.1 cannot be the reader yet: it takes MP2T only on static payload type 33 or in an
 * {@code m=application} section, and the engine serves every track on a dynamic payload type
 * with the publisher's media type ({@code m=video 0 RTP/AVP 96}, {@code rtpmap:96 MP2T/90000}),
 * which its RTSP demuxer leaves without a codec, probing forever.
 */
class Mp2tRelayTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static final String PATH = "/live/iptv";
    private static final String SDP = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=IPTV channel\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=video 0 RTP/AVP 33\r\na=control:streamid=0\r\n";

    private static String url() {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + PATH;
    }

    @Test
    void gstreamerDecodesTheH264AndAacInsideThePublishedTransportStreamOverTcpAndUdp() throws Exception {
        String python = pythonWithGstreamer();
        Path script = Files.createTempFile("ts_player", ".py");
        try (TsPublisher publisher = TsPublisher.start(url())) {
            Files.writeString(script, PLAYER);
            publisher.awaitReadable();
            for (String transport : List.of("tcp", "udp")) {
                ExternalTool.Result played = ExternalTool.run(Duration.ofSeconds(30), python, script.toString(),
                        url(), transport, "50", "90", "15");
                assertEquals(0, played.exitCode(), () -> "over " + transport + ":\n" + played.stdout()
                        + played.stderr());
                assertTrue(played.stdout().contains("enough frames"), played.stdout());
            }
            assertTrue(publisher.forwarded() > 50, publisher.forwarded() + " packets published");
            assertTrue(publisher.alive(), "the source is still sending: " + publisher.output());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** A python3 that has GStreamer's introspection bindings (python3-gi), or the test is skipped saying so. */
    private static String pythonWithGstreamer() throws Exception {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            try {
                ExternalTool.Result probe = ExternalTool.run(Duration.ofSeconds(10), python, "-c",
                        "import gi; gi.require_version('Gst', '1.0'); from gi.repository import Gst");
                if (probe.exitCode() == 0) {
                    return python;
                }
            } catch (IOException notThere) {
                // try the next one
            }
        }
        Assumptions.assumeTrue(false, "no python3 with GStreamer bindings (python3-gi; CI installs it)");
        return null;
    }

    /**
     * Plays an MP2T path: {@code rtspsrc ! rtpmp2tdepay ! tsdemux}, each H.264 and AAC stream
     * decoded and counted until {@code <video> <audio>} frames, failing on any error or warning
     * (a decoder given a picture without its reference warns), or after {@code <seconds>}.
     * Arguments: url, protocols, video, audio, seconds.
     */
    private static final String PLAYER = """
            import sys
            import gi
            gi.require_version("Gst", "1.0")
            from gi.repository import GLib, Gst

            # rtspsrc's MP2T track demultiplexed; H.264 and AAC decoded and counted; any warning fails.
            BRANCHES = {"video/x-h264": ("video", "h264parse ! avdec_h264"), "audio/mpeg": ("audio", "aacparse ! avdec_aac")}
            Gst.init(None)
            url, protocols = sys.argv[1], sys.argv[2]
            wanted = {"video": int(sys.argv[3]), "audio": int(sys.argv[4])}
            decoded = {"video": 0, "audio": 0}
            pipeline = Gst.parse_launch("rtspsrc name=src ! rtpmp2tdepay ! tsdemux name=demux")
            source = pipeline.get_by_name("src")
            source.set_property("location", url)
            Gst.util_set_object_arg(source, "protocols", protocols)
            loop = GLib.MainLoop()
            outcome = {}


            def finish(code, why):
                if not outcome:
                    outcome.update(code=code, why=why)
                    loop.quit()
                return False


            def count(media):
                def on_handoff(*_args):
                    decoded[media] += 1
                    if all(decoded[m] >= wanted[m] for m in wanted):
                        GLib.idle_add(finish, 0, "enough frames")
                return on_handoff


            def on_pad_added(_demux, pad):
                name = pad.query_caps(None).get_structure(0).get_name()
                if name not in BRANCHES:
                    print("no decoder for %s" % name, flush=True)
                    return
                media, decoder = BRANCHES[name]
                branch = Gst.parse_bin_from_description("queue ! " + decoder + " ! fakesink sync=false signal-handoffs=true name=sink", True)
                branch.get_by_name("sink").connect("handoff", count(media))
                pipeline.add(branch)
                branch.sync_state_with_parent()
                pad.link(branch.get_static_pad("sink"))


            def on_message(_bus, message):
                if message.type in (Gst.MessageType.ERROR, Gst.MessageType.WARNING):
                    error, debug = message.parse_error() if message.type == Gst.MessageType.ERROR else message.parse_warning()
                    GLib.idle_add(finish, 1, "%s from %s: %s (%s)" % (message.type.value_nicks[0], message.src.get_name(), error.message, debug))
                elif message.type == Gst.MessageType.EOS:
                    GLib.idle_add(finish, 1, "end of stream before enough frames")


            pipeline.get_by_name("demux").connect("pad-added", on_pad_added)
            bus = pipeline.get_bus()
            bus.add_signal_watch()
            bus.connect("message", on_message)
            GLib.timeout_add_seconds(int(sys.argv[5]), finish, 2, "time limit reached")
            pipeline.set_state(Gst.State.PLAYING)
            loop.run()
            print("decoded video=%d audio=%d" % (decoded["video"], decoded["audio"]), flush=True)
            print(outcome["why"], flush=True)
            bus.remove_signal_watch()
            pipeline.set_state(Gst.State.NULL)
            sys.exit(outcome["code"])
            """;

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
                    DatagramPacket datagram = new DatagramPacket(buffer, 4, buffer.length - 4);
                    rtp.receive(datagram);
                    int length = datagram.getLength();
                    buffer[0] = '$';
                    buffer[1] = 0;
                    buffer[2] = (byte) (length >> 8);
                    buffer[3] = (byte) length;
                    rtsp.sendBytes(java.util.Arrays.copyOf(buffer, 4 + length));
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
            boolean ready = Await.until(Duration.ofSeconds(15), () -> !ffmpeg.isAlive() || receives());
            if (!ffmpeg.isAlive() || !ready) {
                fail("the TS source did not reach " + url() + ":\n" + output());
            }
        }

        private static boolean receives() {
            try (RawRtsp reader = new RawRtsp(tributary.rtspPort())) {
                RawRtsp.Response setup = reader.request("SETUP", url() + "/trackID=0", 1,
                        "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
                if (setup.status() != 200) {
                    return false;
                }
                reader.request("PLAY", url(), 2, "Session: " + setup.header("Session").split(";")[0]);
                return !reader.frames(1000).isEmpty();
            } catch (IOException e) {
                return false;
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
