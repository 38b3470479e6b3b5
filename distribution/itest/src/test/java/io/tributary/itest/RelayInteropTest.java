package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.client.testing.GstRtspServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths relayed from real upstreams, read by ffmpeg: another Tributary (an origin fed by an
 * ffmpeg publisher; the edge pulls over TCP and over UDP) and GStreamer's RTSP server.
 */
class RelayInteropTest {
    /** The demo clip: 30 fps H.264, AAC-LC 48 kHz (1024 samples per frame). */
    private static final int FPS = 30;
    private static final double AUDIO_FRAMES_PER_SECOND = 48000 / 1024.0;
    private static final String ORIGIN_PATH = "/live/clip";

    @RegisterExtension
    @Order(1)
    static final TributaryFixture origin = new TributaryFixture();

    @RegisterExtension
    @Order(2)
    static final TributaryFixture edge = new TributaryFixture(() -> Map.of(
            "io.tributary.path-origin-tcp", relayOf("/relay/origin-tcp", originUrl(), "tcp"),
            "io.tributary.path-origin-udp", relayOf("/relay/origin-udp", originUrl(), "udp")));

    private static Publisher publisher;

    private static String relayOf(String path, String source, String transport) {
        return "path = " + path + "\nsource = " + source + "\ntransport = " + transport
                + "\nresponseTimeoutSeconds = 5\nreconnectMaxSeconds = 2";
    }

    private static String originUrl() {
        return "rtsp://127.0.0.1:" + origin.rtspPort() + ORIGIN_PATH;
    }

    private static String edgeUrl(String path) {
        return "rtsp://127.0.0.1:" + edge.rtspPort() + path;
    }

    @BeforeAll
    static void publishIntoTheOrigin() throws Exception {
        publisher = Publisher.loop(origin.home().resolve("demo/demo.mp4"), originUrl(), "tcp")
                .awaitPublished(origin.rtspPort());
    }

    @AfterAll
    static void stopPublishing() throws Exception {
        if (publisher != null) {
            publisher.close();
        }
    }

    @ParameterizedTest(name = "edge pulls over {0}")
    @ValueSource(strings = {"tcp", "udp"})
    void ffmpegReadsAPathRelayedFromAnotherTributary(String upstreamTransport) throws Exception {
        String url = edgeUrl("/relay/origin-" + upstreamTransport);
        ExternalTool.Result r = ExternalTool.run(Duration.ofSeconds(40), "ffmpeg", "-nostdin", "-v", "error",
                "-rtsp_transport", "tcp", "-i", url, "-t", "5", "-f", "framemd5", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr().strip(), "no decode errors or warnings");
        List<String> video = ExternalTool.lines(r.stdout(), "0,");
        List<String> audio = ExternalTool.lines(r.stdout(), "1,");
        assertEquals(5 * FPS, video.size(), 5 * FPS * 0.1, "video frames in 5 s");
        assertEquals(5 * AUDIO_FRAMES_PER_SECOND, audio.size(), 5 * AUDIO_FRAMES_PER_SECOND * 0.1,
                "audio frames in 5 s");
        assertIncreasing(video, "video");
        assertIncreasing(audio, "audio");
        assertTrue(publisher.alive(), publisher.output());
    }

    @Test
    void theRelayedPathDescribesTheUpstreamTracks() throws Exception {
        try (RawRtsp rtsp = new RawRtsp(edge.rtspPort())) {
            RawRtsp.Response describe = rtsp.request("DESCRIBE", edgeUrl("/relay/origin-tcp"), 1,
                    "Accept: application/sdp");
            assertEquals(200, describe.status(), describe.body());
            assertTrue(describe.body().contains("H264/90000"), describe.body());
            assertTrue(describe.body().contains("MPEG4-GENERIC/48000"), describe.body());
            assertTrue(describe.body().contains("sprop-parameter-sets="), "codec configuration relayed: "
                    + describe.body());
        }
    }

    @Test
    void ffmpegReadsAPathRelayedFromGStreamer() throws Exception {
        ExternalTool.require("ffmpeg");
        try (GstRtspServer gst = GstRtspServer.start()) {
            relay("gst", gst.url());
            ExternalTool.Result r = ExternalTool.run(Duration.ofSeconds(40), "ffmpeg", "-nostdin", "-v", "error",
                    "-rtsp_transport", "tcp", "-i", edgeUrl("/relay/gst"), "-t", "4", "-f", "framemd5", "-");
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("", r.stderr().strip(), "no decode errors or warnings");
            List<String> video = ExternalTool.lines(r.stdout(), "0,");
            assertEquals(4 * GstRtspServer.FPS, video.size(), 4 * GstRtspServer.FPS * 0.1, "video frames in 4 s");
            assertIncreasing(video, "video");
        }
    }

    /** An IPTV-style upstream: H.264 in an MPEG-TS over RTP, relayed through as it comes and read by ffmpeg. */
    @Test
    void ffmpegReadsAnMpegTsPathRelayedFromGStreamer() throws Exception {
        ExternalTool.require("ffmpeg");
        try (GstRtspServer gst = GstRtspServer.start()) {
            relay("gst-ts", gst.transportStreamUrl());
            ExternalTool.Result r = ExternalTool.run(Duration.ofSeconds(40), "ffmpeg", "-nostdin", "-v", "error",
                    "-rtsp_transport", "tcp", "-i", edgeUrl("/relay/gst-ts"), "-t", "4", "-f", "framemd5", "-");
            assertEquals(0, r.exitCode(), r.stderr());
            List<String> video = ExternalTool.lines(r.stdout(), "0,");
            assertTrue(video.size() >= 3 * GstRtspServer.FPS, "video frames in 4 s: " + video.size());
        }
    }

    /** Configures {@code /relay/<name>} on the edge, pulled from {@code upstream} over TCP, and waits until it answers. */
    private static void relay(String name, String upstream) throws Exception {
        edge.writeConfig("io.tributary.path-" + name, relayOf("/relay/" + name, upstream, "tcp"));
        assertTrue(Await.until(Duration.ofSeconds(10), () -> describes(edgeUrl("/relay/" + name))),
                "the relay of " + upstream + " answers DESCRIBE");
    }

    private static boolean describes(String url) {
        try (RawRtsp rtsp = new RawRtsp(edge.rtspPort())) {
            return rtsp.request("DESCRIBE", url, 1, "Accept: application/sdp").status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** framemd5 lines are {@code stream, dts, pts, duration, size, hash}: decode times must increase. */
    private static void assertIncreasing(List<String> frames, String what) {
        long previous = Long.MIN_VALUE;
        for (String frame : frames) {
            long dts = Long.parseLong(frame.split(",")[1].trim());
            assertTrue(dts > previous, what + " timestamps go back at " + frame);
            previous = dts;
        }
    }
}
