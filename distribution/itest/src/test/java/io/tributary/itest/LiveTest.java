package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live paths fed by ffmpeg publishing (ANNOUNCE/RECORD over TCP and UDP), read by ffprobe,
 * ffmpeg and GStreamer over both transports.
 */
class LiveTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    /** The demo clip: 30 fps H.264, AAC-LC 48 kHz (1024 samples per frame). */
    private static final int FPS = 30;
    private static final double AUDIO_FRAMES_PER_SECOND = 48000 / 1024.0;

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    private static Path demo() {
        return tributary.home().resolve("demo/demo.mp4");
    }

    @ParameterizedTest(name = "published over {0}, read over {1}")
    @CsvSource({"tcp,tcp", "tcp,udp", "udp,tcp", "udp,udp"})
    void ffmpegReadsWhatFfmpegPublishes(String publishTransport, String readTransport) throws Exception {
        String path = "/live/" + publishTransport + "-" + readTransport;
        try (Publisher publisher = Publisher.loop(demo(), url(path), publishTransport)
                .awaitPublished(tributary.rtspPort())) {
            ExternalTool.Result r = ExternalTool.run(Duration.ofSeconds(40), "ffmpeg", "-nostdin", "-v", "error",
                    "-rtsp_transport", readTransport, "-i", url(path), "-t", "5", "-f", "framemd5", "-");
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("", r.stderr().strip(), "no decode errors or warnings");
            List<String> video = ExternalTool.lines(r.stdout(), "0,");
            List<String> audio = ExternalTool.lines(r.stdout(), "1,");
            assertEquals(5 * FPS, video.size(), 5 * FPS * 0.1, () -> "video frames in 5 s; video "
                    + span(video) + ", audio " + span(audio));
            assertEquals(5 * AUDIO_FRAMES_PER_SECOND, audio.size(), 5 * AUDIO_FRAMES_PER_SECOND * 0.1,
                    "audio frames in 5 s");
            assertIncreasing(video, "video");
            assertIncreasing(audio, "audio");
            assertTrue(publisher.alive(), "publisher still running: " + publisher.output());
        }
    }

    private static String span(List<String> frames) {
        return frames.isEmpty() ? "none" : "dts " + frames.get(0).split(",")[1].trim() + " to "
                + frames.get(frames.size() - 1).split(",")[1].trim();
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

    @ParameterizedTest(name = "rtspclientsink over {0}")
    @ValueSource(strings = {"tcp", "udp"})
    void ffmpegReadsWhatGstreamerPublishes(String transport) throws Exception {
        String path = "/live/gst-publish-" + transport;
        try (Publisher publisher = Publisher.gstreamer(url(path), transport).awaitPublished(tributary.rtspPort())) {
            ExternalTool.Result r = ExternalTool.run(Duration.ofSeconds(40), "ffmpeg", "-nostdin", "-v", "error",
                    "-rtsp_transport", "tcp", "-i", url(path), "-t", "4", "-f", "framemd5", "-");
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("", r.stderr().strip(), "no decode errors or warnings");
            List<String> video = ExternalTool.lines(r.stdout(), "0,");
            assertEquals(4 * 25, video.size(), 4 * 25 * 0.1, () -> "video frames in 4 s: " + span(video));
            assertIncreasing(video, "video");
            assertTrue(publisher.alive(), "publisher still running: " + publisher.output());
        }
    }

    @Test
    void ffprobeReportsThePublishedCodecs() throws Exception {
        ExternalTool.require("ffprobe");
        try (Publisher publisher = Publisher.loop(demo(), url("/live/probe"), "tcp")
                .awaitPublished(tributary.rtspPort())) {
            ExternalTool.Result r = ExternalTool.run(Duration.ofSeconds(30), "ffprobe", "-v", "error",
                    "-rtsp_transport", "tcp", "-show_entries", "stream=codec_name,width,height,sample_rate",
                    "-of", "compact", url("/live/probe"));
            assertEquals(0, r.exitCode(), r.stderr());
            List<String> streams = ExternalTool.lines(r.stdout(), "stream|");
            assertEquals(2, streams.size(), r.stdout());
            assertTrue(streams.get(0).contains("codec_name=h264") && streams.get(0).contains("width=640")
                    && streams.get(0).contains("height=360"), streams.get(0));
            assertTrue(streams.get(1).contains("codec_name=aac") && streams.get(1).contains("sample_rate=48000"),
                    streams.get(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void gstreamerDecodesALivePath(String transport) throws Exception {
        String path = "/live/gst-" + transport;
        try (Publisher publisher = Publisher.loop(demo(), url(path), "tcp").awaitPublished(tributary.rtspPort())) {
            GstPlayer.Outcome played = GstPlayer.play(url(path), transport, 60, 60, Duration.ofSeconds(30));
            assertTrue(played.decodedEnough(), "GStreamer did not decode 60 video and 60 audio frames:\n"
                    + played.output());
        }
    }

    /**
     * Cameras and encoders send G.711, G.722 or Opus audio (ffmpeg announces G.711 on its static
     * payload types, without {@code rtpmap}): the path carries it, ffprobe names the codec, and
     * ffmpeg decodes video and audio without an error.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"pcm_mulaw,8000,pcm_mulaw", "pcm_alaw,8000,pcm_alaw", "g722,16000,adpcm_g722",
            "libopus,48000,opus"})
    void audioOtherThanAacIsPublishedAndRead(String encoder, int sampleRate, String codec) throws Exception {
        String path = "/live/audio-" + codec;
        try (Publisher publisher = Publisher.loopWithAudio(demo(), url(path), encoder, sampleRate)
                .awaitPublished(tributary.rtspPort())) {
            assertEquals(List.of("h264", codec), FfmpegReader.streams(url(path), "codec_name"));
            String frames = FfmpegReader.frames(url(path), "tcp", 3);
            assertTrue(ExternalTool.lines(frames, "0,").size() >= 60, "video frames in 3 s");
            assertTrue(ExternalTool.lines(frames, "1,").size() >= 20, "audio frames in 3 s");
        }
    }

    /** A camera or encoder publishing H.265: ffprobe names it, ffmpeg decodes it without an error. */
    @Test
    void h265IsPublishedAndRead() throws Exception {
        String path = "/live/hevc";
        try (Publisher publisher = Publisher.h265TestPattern(url(path)).awaitPublished(tributary.rtspPort())) {
            assertEquals(List.of("hevc,320,240"), FfmpegReader.streams(url(path), "codec_name,width,height"));
            String frames = FfmpegReader.frames(url(path), "udp", 2);
            assertTrue(ExternalTool.lines(frames, "0,").size() >= 40, "video frames in 2 s");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcm_mulaw", "libopus"})
    void gstreamerDecodesG711AndOpusAudio(String encoder) throws Exception {
        String path = "/live/gst-" + encoder;
        int sampleRate = encoder.equals("libopus") ? 48000 : 8000;
        try (Publisher publisher = Publisher.loopWithAudio(demo(), url(path), encoder, sampleRate)
                .awaitPublished(tributary.rtspPort())) {
            GstPlayer.Outcome played = GstPlayer.play(url(path), "tcp", 30, 30, Duration.ofSeconds(30));
            assertTrue(played.decodedEnough(), "GStreamer did not decode 30 video and 30 audio frames:\n"
                    + played.output());
        }
    }

    /**
     * With a 10 s GOP a reader without the keyframe cache would wait seconds for a picture; with
     * it, the first packets are the cached keyframe (parameter sets first) and the frames since,
     * so the media time received in the first second spans the time since that keyframe.
     */
    @Test
    void aNewReaderStartsAtOnceOnTheCachedKeyframe() throws Exception {
        try (Publisher publisher = Publisher.testPattern(url("/live/gop"), 250).awaitPublished(tributary.rtspPort())) {
            Thread.sleep(3000);
            try (RawRtsp reader = new RawRtsp(tributary.rtspPort())) {
                RawRtsp.Response setup = reader.request("SETUP", url("/live/gop") + "/trackID=0", 1,
                        "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
                assertEquals(200, setup.status(), setup.body());
                String session = setup.header("Session").split(";")[0];
                RawRtsp.Response play = reader.request("PLAY", url("/live/gop"), 2, "Session: " + session);
                assertEquals(200, play.status(), play.body());
                List<RawRtsp.Frame> rtp = reader.frames(1000).stream().filter(f -> f.channel() == 0).toList();
                assertTrue(rtp.size() > 10, "packets in the first second: " + rtp.size());
                RawRtsp.Frame first = rtp.get(0);
                int type = first.data()[12] & 0x1f;
                int firstNal = type == 24 ? first.data()[15] & 0x1f : type; // STAP-A: 16-bit size, then the NAL
                assertEquals(7, firstNal, "the first packet starts with the SPS of the cached keyframe");
                assertTrue(play.header("RTP-Info").contains("seq=" + first.sequence() + ";"),
                        "RTP-Info " + play.header("RTP-Info") + " names the first packet " + first.sequence());
                long span = rtp.get(rtp.size() - 1).timestamp() - first.timestamp();
                assertTrue(span >= 2 * 90_000, "media time received in the first second: " + span / 90_000.0
                        + " s (the GOP started about 3 s ago)");
            }
        }
    }

    /**
     * VLC's requests (live555, "RTP over RTSP (TCP)" as most VLC users set it for cameras),
     * replayed as it sends them, against a live path: the SDP says the stream has no end, PLAY's
     * {@code Range: npt=0.000-} is answered {@code npt=now-} with RTP-Info for both tracks, media
     * of both tracks follows, and GET_PARAMETER keeps the session.
     */
    @Test
    void vlcsRequestsPlayALivePath() throws Exception {
        String vlc = "User-Agent: LibVLC/3.0.18 (LIVE555 Streaming Media v2016.11.28)";
        String live = url("/live/vlc");
        try (Publisher publisher = Publisher.loop(demo(), live, "tcp").awaitPublished(tributary.rtspPort());
             RawRtsp player = new RawRtsp(tributary.rtspPort())) {
            assertEquals(200, player.request("OPTIONS", live, 2, vlc).status());
            RawRtsp.Response describe = player.request("DESCRIBE", live, 3, vlc, "Accept: application/sdp");
            assertEquals(200, describe.status(), describe.body());
            assertTrue(describe.body().contains("a=range:npt=now-\r\n"), describe.body());
            String base = describe.header("Content-Base");
            RawRtsp.Response video = player.request("SETUP", base + "trackID=0", 4, vlc,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, video.status(), video.body());
            String session = video.header("Session").split(";")[0];
            RawRtsp.Response audio = player.request("SETUP", base + "trackID=1", 5, vlc,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=2-3", "Session: " + session);
            assertEquals(200, audio.status(), audio.body());
            RawRtsp.Response play = player.request("PLAY", base, 6, vlc, "Session: " + session,
                    "Range: npt=0.000-");
            assertEquals(200, play.status(), play.body());
            assertEquals("npt=now-", play.header("Range"));
            String rtpInfo = play.header("RTP-Info");
            assertTrue(rtpInfo.contains("trackID=0;seq=") && rtpInfo.contains("trackID=1;seq="), rtpInfo);

            List<RawRtsp.Frame> frames = player.frames(1500);
            assertTrue(frames.stream().anyMatch(f -> f.channel() == 0), "video arrives");
            assertTrue(frames.stream().anyMatch(f -> f.channel() == 2), "audio arrives");
            assertEquals(200, player.request("GET_PARAMETER", base, 7, vlc, "Session: " + session).status());
            assertEquals(200, player.request("TEARDOWN", base, 8, vlc, "Session: " + session).status());
        }
    }

    @Test
    void readersOfALivePathShareSequenceNumbersAndSsrc() throws Exception {
        try (Publisher publisher = Publisher.loop(demo(), url("/live/shared"), "tcp")
                .awaitPublished(tributary.rtspPort());
             RawRtsp one = new RawRtsp(tributary.rtspPort());
             RawRtsp two = new RawRtsp(tributary.rtspPort())) {
            Map<Integer, Long> ssrcs = new HashMap<>();
            int n = 0;
            for (RawRtsp reader : List.of(one, two)) {
                RawRtsp.Response setup = reader.request("SETUP", url("/live/shared") + "/trackID=0", 1,
                        "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
                assertEquals(200, setup.status(), setup.body());
                assertEquals(200, reader.request("PLAY", url("/live/shared"), 2,
                        "Session: " + setup.header("Session").split(";")[0]).status());
                String transportSsrc = setup.header("Transport").replaceAll(".*ssrc=([0-9A-Fa-f]+).*", "$1");
                ssrcs.put(n++, Long.parseLong(transportSsrc, 16));
            }
            assertEquals(ssrcs.get(0), ssrcs.get(1), "one SSRC per track of a live path");
            List<RawRtsp.Frame> a = one.frames(1500).stream().filter(f -> f.channel() == 0).toList();
            List<RawRtsp.Frame> b = two.frames(500).stream().filter(f -> f.channel() == 0).toList();
            assertTrue(!a.isEmpty() && !b.isEmpty());
            long ssrc = ((a.get(0).data()[8] & 0xffL) << 24) | ((a.get(0).data()[9] & 0xffL) << 16)
                    | ((a.get(0).data()[10] & 0xffL) << 8) | (a.get(0).data()[11] & 0xffL);
            assertEquals(ssrcs.get(0), ssrc, "packets carry the SSRC of the SETUP reply");
            Map<Integer, Long> timestampBySequence = new HashMap<>();
            a.forEach(f -> timestampBySequence.put(f.sequence(), f.timestamp()));
            long common = b.stream().filter(f -> timestampBySequence.containsKey(f.sequence()))
                    .peek(f -> assertEquals(timestampBySequence.get(f.sequence()), f.timestamp(),
                            "packet " + f.sequence() + " is the same packet for both readers"))
                    .count();
            assertTrue(common > 0, "both readers received some of the same packets");
        }
    }
}
