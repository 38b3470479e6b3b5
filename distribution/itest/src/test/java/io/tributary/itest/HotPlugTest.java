package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hot deploy through the {@code deploy/} folder while clients stream: a codec or transport
 * bundle that goes away takes only what used it down, and coming back restores service
 * without a restart.
 */
class HotPlugTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(15);

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    private static int describe(String path) {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            return rtsp.request("DESCRIBE", url(path), 1).status();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void removingTheH264CodecRefusesH264PathsOnlyAndPuttingItBackRestoresThem() throws Exception {
        ExternalTool.require("ffmpeg");
        Path audioOnly = tributary.home().resolve("media/tone.m4a");
        ExternalTool.Result made = ExternalTool.run(Duration.ofSeconds(30), "ffmpeg", "-nostdin", "-v", "error",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "20", "-c:a", "aac",
                audioOnly.toString());
        assertEquals(0, made.exitCode(), made.stderr());
        assertEquals(200, describe("/demo"));
        assertEquals(200, describe("/vod/tone.m4a"));

        try (RawRtsp listener = new RawRtsp(tributary.rtspPort())) {
            String session = setupAndPlay(listener, "/vod/tone.m4a", 0, "RTP/AVP/TCP;unicast;interleaved=0-1");
            assertFalse(listener.frames(500).isEmpty(), "audio flows before the change");

            Path jar = tributary.deployedJar("io.tributary.codecs.h264");
            Path saved = Files.createTempFile("h264", ".jar");
            Files.copy(jar, saved, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(jar);
            assertTrue(Await.until(DEPLOY_TIMEOUT, () -> describe("/demo") == 503),
                    "DESCRIBE of an H.264 path is refused once the codec is gone");
            try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
                RawRtsp.Response refused = rtsp.request("DESCRIBE", url("/demo"), 1);
                assertEquals(503, refused.status());
                assertTrue(refused.body().contains("H264"), "the reason names the missing encoding: " + refused.body());
            }
            assertEquals(200, describe("/vod/tone.m4a"), "an AAC-only path keeps working");
            assertFalse(listener.frames(500).isEmpty(), "the AAC session kept streaming");

            Files.copy(saved, jar);
            Files.delete(saved);
            assertTrue(Await.until(DEPLOY_TIMEOUT, () -> describe("/demo") == 200),
                    "putting the codec back restores the path without a restart");
            assertEquals(200, listener.request("GET_PARAMETER", url("/vod/tone.m4a"), 9, "Session: " + session).status());
        }
    }

    @Test
    void removingTheVpxCodecEndsWebmSessionsOnlyAndPuttingItBackPlaysThemAgain() throws Exception {
        ExternalTool.require("ffmpeg");
        Path webm = tributary.home().resolve("media/pattern.webm");
        ExternalTool.Result made = ExternalTool.run(Duration.ofSeconds(60), "ffmpeg", "-nostdin", "-v", "error",
                "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "30", "-c:v", "libvpx", "-deadline",
                "realtime", "-g", "25", webm.toString());
        assertEquals(0, made.exitCode(), made.stderr());
        Path mkv = tributary.home().resolve("media/pattern.mkv");
        made = ExternalTool.run(Duration.ofSeconds(60), "ffmpeg", "-nostdin", "-v", "error",
                "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "30", "-c:v", "libx264", mkv.toString());
        assertEquals(0, made.exitCode(), made.stderr());

        try (RawRtsp vp8 = new RawRtsp(tributary.rtspPort()); RawRtsp h264 = new RawRtsp(tributary.rtspPort())) {
            String vp8Session = setupAndPlay(vp8, "/vod/pattern.webm", 0, "RTP/AVP/TCP;unicast;interleaved=0-1");
            String h264Session = setupAndPlay(h264, "/vod/pattern.mkv", 0, "RTP/AVP/TCP;unicast;interleaved=0-1");
            assertFalse(vp8.frames(500).isEmpty(), "VP8 flows before the change");

            Path jar = tributary.deployedJar("io.tributary.codecs.vpx");
            Path saved = Files.createTempFile("vpx", ".jar");
            Files.copy(jar, saved, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(jar);
            try {
                assertTrue(Await.until(DEPLOY_TIMEOUT, () -> describe("/vod/pattern.webm") == 503),
                        "DESCRIBE of a VP8 file is refused once the codec is gone");
                try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
                    RawRtsp.Response refused = rtsp.request("DESCRIBE", url("/vod/pattern.webm"), 1);
                    assertTrue(refused.body().contains("VP8"), "the reason names the encoding: " + refused.body());
                }
                vp8.frames(300);
                assertEquals(454, vp8.request("PAUSE", url("/vod/pattern.webm/"), 9, "Session: " + vp8Session)
                        .status(), "the VP8 session ended with its codec");
                assertFalse(h264.frames(500).isEmpty(), "the H.264 file kept streaming");
                assertEquals(200, h264.request("PAUSE", url("/vod/pattern.mkv/"), 9, "Session: " + h264Session)
                        .status(), "and its session lives");
            } finally {
                Files.copy(saved, jar, StandardCopyOption.REPLACE_EXISTING);
                Files.delete(saved);
            }
            assertTrue(Await.until(DEPLOY_TIMEOUT, () -> describe("/vod/pattern.webm") == 200),
                    "putting the codec back restores the file without a restart");
            try (RawRtsp again = new RawRtsp(tributary.rtspPort())) {
                setupAndPlay(again, "/vod/pattern.webm", 0, "RTP/AVP/TCP;unicast;interleaved=0-1");
                assertFalse(again.frames(500).isEmpty(), "VP8 flows again");
            }
        }
    }

    @Test
    void removingThePublishBundleEndsItsLivePathsOnlyAndPuttingItBackAcceptsPublishersAgain() throws Exception {
        Path demo = tributary.home().resolve("demo/demo.mp4");
        try (Publisher publisher = Publisher.loop(demo, url("/live/hot"), "tcp").awaitPublished(tributary.rtspPort());
             RawRtsp liveReader = new RawRtsp(tributary.rtspPort());
             RawRtsp fileReader = new RawRtsp(tributary.rtspPort())) {
            String liveSession = setupAndPlay(liveReader, "/live/hot", 0, "RTP/AVP/TCP;unicast;interleaved=0-1");
            setupAndPlay(fileReader, "/demo", 0, "RTP/AVP/TCP;unicast;interleaved=0-1");
            assertFalse(liveReader.frames(500).isEmpty(), "live media flows before the change");

            Path jar = tributary.deployedJar("io.tributary.sources.publish");
            Path saved = Files.createTempFile("publish", ".jar");
            Files.copy(jar, saved, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(jar);
            assertTrue(Await.until(DEPLOY_TIMEOUT, () -> playStatus(liveReader, liveSession) == 454),
                    "the live reader's session ended with the publishing bundle");
            assertTrue(Await.until(DEPLOY_TIMEOUT, () -> !publisher.alive()),
                    "the publisher lost its connection and stopped");
            fileReader.frames(200);
            assertFalse(fileReader.frames(700).isEmpty(), "the file reader kept streaming");
            assertEquals(404, describe("/live/hot"));

            Files.copy(saved, jar);
            Files.delete(saved);
            assertTrue(Await.until(DEPLOY_TIMEOUT, () -> {
                try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
                    return rtsp.request("OPTIONS", url("/live/hot"), 1).status() == 200 && bundleActive();
                } catch (IOException e) {
                    return false;
                }
            }), "the bundle is back");
            try (Publisher again = Publisher.loop(demo, url("/live/hot"), "tcp").awaitPublished(tributary.rtspPort())) {
                assertEquals(200, describe("/live/hot"), "publishing works again without a restart");
            }
        }
    }

    private static boolean bundleActive() {
        for (org.osgi.framework.Bundle bundle : tributary.bundleContext().getBundles()) {
            if ("io.tributary.sources.publish".equals(bundle.getSymbolicName())) {
                return bundle.getState() == org.osgi.framework.Bundle.ACTIVE;
            }
        }
        return false;
    }

    @Test
    void removingTheUdpTransportEndsOnlyItsSessions() throws Exception {
        try (DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             RawRtsp udpClient = new RawRtsp(tributary.rtspPort());
             RawRtsp tcpClient = new RawRtsp(tributary.rtspPort())) {
            int port = rtp.getLocalPort();
            String udpSession = setupAndPlay(udpClient, "/demo", 0,
                    "RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
            String tcpSession = setupAndPlay(tcpClient, "/demo", 0, "RTP/AVP/TCP;unicast;interleaved=0-1");
            assertFalse(tcpClient.frames(300).isEmpty());

            Path jar = tributary.deployedJar("io.tributary.transports.udp");
            Path saved = Files.createTempFile("udp", ".jar");
            Files.copy(jar, saved, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(jar);
            assertTrue(Await.until(DEPLOY_TIMEOUT, () -> playStatus(udpClient, udpSession) == 454),
                    "the UDP session ended with its transport");
            tcpClient.frames(200);
            assertFalse(tcpClient.frames(700).isEmpty(), "the TCP session kept streaming");
            assertEquals(200, tcpClient.request("GET_PARAMETER", url("/demo"), 20, "Session: " + tcpSession).status());
            RawRtsp.Response noUdp = udpClient.request("SETUP", url("/demo/trackID=0"), 21,
                    "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
            assertEquals(461, noUdp.status(), "UDP is unsupported while its bundle is gone");

            Files.copy(saved, jar);
            Files.delete(saved);
            assertTrue(Await.until(DEPLOY_TIMEOUT, () -> {
                try (RawRtsp again = new RawRtsp(tributary.rtspPort())) {
                    return again.request("SETUP", url("/demo/trackID=0"), 1,
                            "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1)).status() == 200;
                } catch (IOException e) {
                    return false;
                }
            }), "UDP is back without a restart");
        }
    }

    private static int playStatus(RawRtsp client, String session) {
        try {
            return client.request("PLAY", url("/demo/"), 30, "Session: " + session).status();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String setupAndPlay(RawRtsp rtsp, String path, int track, String transport) throws IOException {
        RawRtsp.Response setup = rtsp.request("SETUP", url(path + "/trackID=" + track), 1, "Transport: " + transport);
        assertEquals(200, setup.status(), setup.body());
        String session = setup.header("Session").split(";")[0];
        RawRtsp.Response play = rtsp.request("PLAY", url(path + "/"), 2, "Session: " + session);
        assertEquals(200, play.status(), play.body());
        return session;
    }
}
