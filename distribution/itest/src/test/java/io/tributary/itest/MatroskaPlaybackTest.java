package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Matroska and WebM files, as ffmpeg writes them, played by ffmpeg and GStreamer over UDP and
 * TCP; seeking by npt lands on the keyframe before the point, and by clock from the file's DateUTC.
 */
class MatroskaPlaybackTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    /** 4 s of 320x240 H.264 at 25 fps with B-frames and a keyframe every second, AAC 48 kHz stereo. */
    private static final int SECONDS = 4;
    private static final int FPS = 25;

    @BeforeAll
    static void addFiles() throws Exception {
        FfmpegReader.make(tributary.home().resolve("media/clip.mkv"), "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=25:duration=" + SECONDS, "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000:duration=" + SECONDS, "-c:v", "libx264", "-g", "25",
                "-bf", "2", "-c:a", "aac", "-ac", "2", "-metadata", "creation_time=2026-11-24T10:15:00Z");
        FfmpegReader.make(tributary.home().resolve("media/clip.webm"), "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=25:duration=" + SECONDS, "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000:duration=" + SECONDS, "-c:v", "libvpx", "-g", "25",
                "-b:v", "500k", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus", "-ac", "2");
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void ffmpegPlaysAnMkvWithH264AndAacToTheEnd(String transport) throws Exception {
        assertEquals(List.of("h264", "aac"), FfmpegReader.streams(url("/vod/clip.mkv"), "codec_name", transport));
        String frames = FfmpegReader.frames(url("/vod/clip.mkv"), transport, 0);
        assertEquals(SECONDS * FPS, ExternalTool.lines(frames, "0,").size(), 5, "video frames");
        assertEquals(SECONDS * 48000 / 1024.0, ExternalTool.lines(frames, "1,").size(), 10, "AAC frames");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void gstreamerDecodesAnMkv(String transport) throws Exception {
        GstPlayer.Outcome played = GstPlayer.play(url("/vod/clip.mkv"), transport, 50, 50, Duration.ofSeconds(20));
        assertTrue(played.decodedEnough(), "GStreamer did not decode 50 video and 50 audio frames:\n"
                + played.output());
    }

    @Test
    void anNptSeekStartsAtTheKeyframeBeforeThePointAndAClockSeekUsesTheDateUtc() throws IOException {
        // the muxer moves everything 21 ms later for the AAC priming frame: keyframes at 2.021 s, 3.021 s
        RawRtsp.Started keyframe = play("npt=2.021-");
        assertTrue(keyframe.range().startsWith("npt=2.021-"), keyframe.range());
        RawRtsp.Started byNpt = play("npt=2.9-");
        assertTrue(byNpt.range().startsWith("npt=2.021-"), "starts at the keyframe before 2.9 s: " + byNpt.range());
        assertArrayEquals(keyframe.firstPayload(), byNpt.firstPayload(), "the keyframe's first packet");
        RawRtsp.Started later = play("npt=3.1-");
        assertTrue(later.range().startsWith("npt=3.021-"), later.range());

        RawRtsp.Started byClock = play("clock=20261124T101502.9Z-");
        assertEquals(200, byClock.status(), "DateUTC anchors the file at 10:15:00");
        assertTrue(byClock.range().startsWith("clock=20261124T101502.021Z-"), byClock.range());
        assertArrayEquals(keyframe.firstPayload(), byClock.firstPayload(), "the same keyframe by clock");
        assertEquals(457, play("clock=20261124T101459Z-").status(), "before the recording started");
    }

    /** Needs the VP8 payload format of the {@code codecs/vpx} bundle in the distribution. */
    @Test
    void aWebmWithVp8AndOpusPlaysInFfmpegAndGstreamer() throws Exception {
        assertEquals(List.of("vp8", "opus"), FfmpegReader.streams(url("/vod/clip.webm"), "codec_name"));
        GstPlayer.Outcome played = GstPlayer.play(url("/vod/clip.webm"), "tcp", 50, 50, Duration.ofSeconds(20));
        assertTrue(played.decodedEnough(), "GStreamer did not decode 50 VP8 and 50 Opus frames:\n"
                + played.output());
        assertEquals(List.of(), played.warnings(), "GStreamer's warnings:\n" + played.output());
        String frames = FfmpegReader.frames(url("/vod/clip.webm"), "udp", 0);
        assertEquals(SECONDS * FPS, ExternalTool.lines(frames, "0,").size(), 5, "VP8 frames");
        assertEquals(SECONDS * 50, ExternalTool.lines(frames, "1,").size(), 10, "20 ms Opus frames");
    }

    private static RawRtsp.Started play(String range) throws IOException {
        return RawRtsp.playVideoFrom(tributary.rtspPort(), url("/vod/clip.mkv"), range);
    }
}
