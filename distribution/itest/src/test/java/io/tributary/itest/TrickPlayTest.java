package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.rtsp.testing.PythonGi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Trick play on files (RFC 2326 §12.34–35, RFC 7826 §18.46, §18.50): {@code Scale} 4 and −2
 * send video keyframes only, at the pace the scale asks, with RTP timestamps spanning |Scale|
 * times the wall time; {@code Speed} delivers faster with unchanged timestamps; unsupported
 * scales are served as the nearest supported one and named back; live paths play at 1 only.
 * GStreamer's rate seek goes through {@code rtspsrc} as {@code Scale}.
 */
class TrickPlayTest {
    private static final double GOP_SECONDS = 0.48;
    private static final Pattern RANGE_START = Pattern.compile("npt=([0-9.]+)-");

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    @BeforeAll
    static void addFile() throws Exception {
        ExternalTool.require("ffmpeg");
        // 20 s with a keyframe every 12 frames (0.48 s) and B-frames
        ExternalTool.Result made = ExternalTool.run(Duration.ofSeconds(60), "ffmpeg", "-v", "error",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=sample_rate=48000",
                "-t", "20", "-c:v", "libx264", "-g", "12", "-bf", "2", "-c:a", "aac",
                tributary.home().resolve("media/long.mp4").toString());
        assertEquals(0, made.exitCode(), made.stderr());
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    /** What a trick-play PLAY brought: the reply and each video frame's first NAL type, RTP time and arrival. */
    private record Played(RawRtsp.Response reply, List<long[]> frames, int audioPackets, RawRtsp.Response paused) {
    }

    /** Sets up both tracks over TCP, plays with the given headers for {@code millis}, then pauses. */
    private static Played play(long millis, String... headers) throws IOException {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = rtsp.request("SETUP", url("/vod/long.mp4/trackID=0"), 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            String session = "Session: " + setup.header("Session").split(";")[0];
            assertEquals(200, rtsp.request("SETUP", url("/vod/long.mp4/trackID=1"), 2, session,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=2-3").status());
            String[] all = new String[headers.length + 1];
            all[0] = session;
            System.arraycopy(headers, 0, all, 1, headers.length);
            RawRtsp.Response reply = rtsp.request("PLAY", url("/vod/long.mp4/"), 3, all);
            List<long[]> frames = new ArrayList<>();
            int audio = 0;
            for (RawRtsp.Frame frame : rtsp.frames(millis)) {
                if (frame.channel() == 2) {
                    audio++;
                }
                int nal = firstNalOfFrame(frame.data());
                // a frame's first NAL unit: the first packet with a new timestamp
                if (frame.channel() == 0 && nal >= 0 && (frames.isEmpty() || frames.getLast()[1] != frame.timestamp())) {
                    frames.add(new long[] {nal, frame.timestamp()});
                }
            }
            RawRtsp.Response paused = reply.status() == 200 ? rtsp.request("PAUSE", url("/vod/long.mp4/"), 4, session)
                    : null;
            return new Played(reply, frames, audio, paused);
        }
    }

    /** The type of the first NAL unit a packet starts a frame with, or -1 for a continuation. */
    private static int firstNalOfFrame(byte[] rtp) {
        int type = rtp[12] & 0x1f;
        if (type == 28) { // FU-A: only its start counts
            return (rtp[13] & 0x80) != 0 ? rtp[13] & 0x1f : -1;
        }
        if (type == 24) { // STAP-A: the first aggregated unit
            return rtp[15] & 0x1f;
        }
        return type;
    }

    private static void assertKeyframesOnly(List<long[]> frames) {
        for (long[] frame : frames) {
            assertTrue(frame[0] == 5 || frame[0] == 7 || frame[0] == 8, "a frame starting with NAL type " + frame[0]);
        }
    }

    /** Media seconds the RTP timestamps of {@code frames} span. */
    private static double span(List<long[]> frames) {
        return ((frames.getLast()[1] - frames.getFirst()[1]) & 0xffffffffL) / 90000.0;
    }

    private static double rangeStart(RawRtsp.Response response) {
        Matcher m = RANGE_START.matcher(response.header("Range"));
        assertTrue(m.find(), response.header("Range"));
        return Double.parseDouble(m.group(1));
    }

    @Test
    void scale4SendsKeyframesOnlyAtFourTimesThePace() throws IOException {
        Played played = play(3000, "Scale: 4", "Range: npt=2-");
        assertEquals(200, played.reply().status(), played.reply().body());
        assertEquals("4.000", played.reply().header("Scale"));
        assertEquals(0, played.audioPackets(), "no chopped audio");
        assertKeyframesOnly(played.frames());
        assertTrue(played.frames().size() >= 10, "keyframes: " + played.frames().size());
        double span = span(played.frames());
        assertTrue(span > 4 * 3 * 0.6 && span < 4 * 3 * 1.4, "timestamps span " + span + " s in 3 s of wall time");
        double at = rangeStart(played.paused());
        assertTrue(at > 2 + 4 * 3 * 0.6 && at < 2 + 4 * 3 * 1.4, "paused at " + at);
    }

    @Test
    void scaleMinus2PlaysKeyframesBackwardsWithIncreasingTimestamps() throws IOException {
        Played played = play(2000, "Scale: -2", "Range: npt=15-");
        assertEquals(200, played.reply().status(), played.reply().body());
        assertEquals("-2.000", played.reply().header("Scale"));
        assertKeyframesOnly(played.frames());
        assertTrue(played.frames().size() >= 5, "keyframes: " + played.frames().size());
        for (int i = 1; i < played.frames().size(); i++) {
            long step = (played.frames().get(i)[1] - played.frames().get(i - 1)[1]) & 0xffffffffL;
            assertTrue(step > 0 && step < 90000 * 4, "timestamps go on increasing: " + step);
        }
        double at = rangeStart(played.paused());
        assertTrue(at < 15 - 2 * 2 * 0.6 && at > 15 - 2 * 2 * 1.4 - GOP_SECONDS, "paused at " + at + " going back from 15");
    }

    @Test
    void speed2DeliversTwiceAsFastWithTimestampsUnchanged() throws IOException {
        Played played = play(2000, "Speed: 2", "Range: npt=0-");
        assertEquals("2.000", played.reply().header("Speed"));
        assertTrue(played.audioPackets() > 0, "all tracks at Speed 2");
        double span = span(played.frames());
        // frames go out up to 0.1 s of media ahead of time; the span counts normal-speed timestamps
        assertTrue(span > 2 * 2 * 0.7 && span < 2 * 2 * 1.3 + 0.5, "media sent in 2 s: " + span + " s");
        assertTrue(played.frames().stream().anyMatch(frame -> frame[0] == 1), "every frame, not only keyframes");
    }

    @Test
    void unsupportedScalesAreServedAsTheNearestAndNamedBack() throws IOException {
        assertEquals("4.000", play(200, "Scale: 3").reply().header("Scale"), "between two, the faster");
        assertEquals("2.000", play(200, "Scale: 2.4").reply().header("Scale"));
        assertEquals("1.000", play(200, "Scale: 0.5").reply().header("Scale"));
        assertEquals("-4.000", play(200, "Scale: -16", "Range: npt=5-").reply().header("Scale"));
        assertEquals(400, play(200, "Scale: fast").reply().status());
        assertEquals(400, play(200, "Scale: 0").reply().status());
        assertEquals(400, play(200, "Speed: -1").reply().status());
        assertEquals("8.000", play(200, "Speed: 2-16").reply().header("Speed"), "RTSP 2.0's range: the fastest within");
        assertEquals(456, play(200, "Speed: 9-10").reply().status(), "files go at most at Speed 8");
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = rtsp.request("SETUP", url("/demo/trackID=0"), 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            String session = "Session: " + setup.header("Session").split(";")[0];
            assertEquals(456, rtsp.request("PLAY", url("/demo/"), 2, session, "Scale: 2").status(),
                    "the looping demo plays as it comes");
            assertEquals(200, rtsp.request("PLAY", url("/demo/"), 3, session, "Scale: 1").status());
            RawRtsp.Response range = rtsp.request("PLAY", url("/demo/"), 4, session, "Speed: 0.5-2");
            assertEquals("1.000", range.header("Speed"), "a range holding 1 is served at 1");
        }
    }

    @Test
    void aGstreamerRateSeekBecomesScaleAndDecodesKeyframes() throws Exception {
        String python = PythonGi.require("Gst");
        Path script = Files.createTempFile("gst_rate", ".py");
        try {
            Files.writeString(script, """
                    import sys, gi
                    gi.require_version("Gst", "1.0")
                    from gi.repository import GLib, Gst
                    Gst.init(None)
                    pipeline = Gst.parse_launch("rtspsrc location=%s protocols=tcp ! rtph264depay ! h264parse"
                        " ! avdec_h264 ! fakesink name=sink sync=true" % sys.argv[1])
                    decoded = []
                    pipeline.get_by_name("sink").get_static_pad("sink").add_probe(
                        Gst.PadProbeType.BUFFER, lambda pad, info: decoded.append(1) or Gst.PadProbeReturn.OK)
                    loop = GLib.MainLoop()
                    state = {"seeked": False, "code": 1}
                    def done():
                        print("decoded after seek: %d" % len(decoded), flush=True)
                        state["code"] = 0
                        loop.quit()
                    def seek():
                        decoded.clear()
                        pipeline.seek(4.0, Gst.Format.TIME, Gst.SeekFlags.FLUSH | Gst.SeekFlags.TRICKMODE
                            | Gst.SeekFlags.TRICKMODE_KEY_UNITS, Gst.SeekType.SET, 2 * Gst.SECOND, Gst.SeekType.NONE, -1)
                        GLib.timeout_add(3000, done)
                    def on_message(bus, message):
                        if message.type == Gst.MessageType.ERROR:
                            print("ERROR %s" % (message.parse_error(),), flush=True)
                            loop.quit()
                        elif message.type == Gst.MessageType.ASYNC_DONE and not state["seeked"]:
                            state["seeked"] = True
                            GLib.timeout_add(500, seek)
                    bus = pipeline.get_bus()
                    bus.add_signal_watch()
                    bus.connect("message", on_message)
                    GLib.timeout_add_seconds(20, loop.quit)
                    pipeline.set_state(Gst.State.PLAYING)
                    loop.run()
                    pipeline.set_state(Gst.State.NULL)
                    sys.exit(state["code"])
                    """);
            ExternalTool.Result run = ExternalTool.run(Duration.ofSeconds(40), python, script.toString(),
                    url("/vod/long.mp4"));
            assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
            Matcher m = Pattern.compile("decoded after seek: (\\d+)").matcher(run.stdout());
            assertTrue(m.find(), run.stdout());
            int decoded = Integer.parseInt(m.group(1));
            // 3 s at Scale 4 cover 12 s of media: about 25 keyframes, and far fewer than 75 frames at 25 fps
            assertTrue(decoded >= 8 && decoded <= 40, "decoded " + decoded + " pictures");
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
