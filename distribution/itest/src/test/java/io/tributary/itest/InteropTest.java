package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real players against the running distribution: ffprobe, ffmpeg and GStreamer, over UDP and TCP. */
class InteropTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    /** The demo clip: 640x360 at 30 fps H.264, AAC-LC 48 kHz stereo (1024 samples per frame). */
    private static final int FPS = 30;
    private static final double AUDIO_FRAMES_PER_SECOND = 48000 / 1024.0;

    @BeforeAll
    static void addVodFile() throws IOException {
        Files.copy(tributary.home().resolve("demo/demo.mp4"), tributary.home().resolve("media/clip.mp4"));
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void ffprobeReportsTheDemoCodecs(String transport) throws Exception {
        ExternalTool.require("ffprobe");
        ExternalTool.Result r = ExternalTool.run(Duration.ofSeconds(30), "ffprobe", "-v", "error",
                "-rtsp_transport", transport, "-show_entries",
                "stream=codec_name,codec_type,profile,width,height,sample_rate,channels", "-of", "compact",
                url("/demo"));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> streams = ExternalTool.lines(r.stdout(), "stream|");
        assertEquals(2, streams.size(), r.stdout());
        assertTrue(streams.get(0).contains("codec_name=h264") && streams.get(0).contains("width=640")
                && streams.get(0).contains("height=360"), streams.get(0));
        assertTrue(streams.get(1).contains("codec_name=aac") && streams.get(1).contains("sample_rate=48000")
                && streams.get(1).contains("channels=2"), streams.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void ffmpegReadsFiveSecondsWithoutDecodeErrors(String transport) throws Exception {
        ExternalTool.require("ffmpeg");
        ExternalTool.Result r = ExternalTool.run(Duration.ofSeconds(40), "ffmpeg", "-nostdin", "-v", "error",
                "-rtsp_transport", transport, "-i", url("/demo"), "-t", "5", "-f", "framemd5", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr().strip(), "no decode errors or warnings");
        int video = ExternalTool.lines(r.stdout(), "0,").size();
        int audio = ExternalTool.lines(r.stdout(), "1,").size();
        assertEquals(5 * FPS, video, 5 * FPS * 0.1, "video frames in 5 s");
        assertEquals(5 * AUDIO_FRAMES_PER_SECOND, audio, 5 * AUDIO_FRAMES_PER_SECOND * 0.1, "audio frames in 5 s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void gstreamerDecodesVideoAndAudio(String transport) throws Exception {
        GstPlayer.Outcome played = GstPlayer.play(url("/demo"), transport, 90, 100, Duration.ofSeconds(30));
        assertTrue(played.decodedEnough(), "GStreamer did not decode 90 video and 100 audio frames:\n"
                + played.output());
        assertTrue(played.videoFrames() >= 90 && played.audioFrames() >= 100, played.output());
    }

    @Test
    void ffmpegSeekStartsAtTheRequestedPosition() throws Exception {
        ExternalTool.require("ffmpeg");
        ExternalTool.Result remote = ExternalTool.run(Duration.ofSeconds(40), "ffmpeg", "-nostdin", "-v", "error",
                "-ss", "5", "-rtsp_transport", "tcp", "-i", url("/vod/clip.mp4"), "-frames:v", "1", "-an",
                "-f", "framemd5", "-");
        assertEquals(0, remote.exitCode(), remote.stderr());
        ExternalTool.Result local = ExternalTool.run(Duration.ofSeconds(40), "ffmpeg", "-nostdin", "-v", "error",
                "-i", tributary.home().resolve("media/clip.mp4").toString(), "-vf", "select=gte(t\\,5)",
                "-frames:v", "1", "-an", "-f", "framemd5", "-");
        assertEquals(0, local.exitCode(), local.stderr());
        assertEquals(md5(local.stdout()), md5(remote.stdout()), "the first frame after the seek is the one at 5 s");
    }

    @Test
    void ffmpegSeekTimestampsStartAtTheRequestedPosition() throws Exception {
        ExternalTool.require("ffprobe");
        ExternalTool.Result r = ExternalTool.run(Duration.ofSeconds(40), "ffprobe", "-v", "error",
                "-rtsp_transport", "tcp", "-read_intervals", "5%+#5", "-select_streams", "v",
                "-show_entries", "packet=pts_time", "-of", "csv=p=0", url("/vod/clip.mp4"));
        assertEquals(0, r.exitCode(), r.stderr());
        // ffmpeg gives the very first packet after a seek no timestamp (N/A); the next ones have it.
        double first = r.stdout().lines().map(l -> l.replace(",", "").strip()).filter(l -> l.matches("\\d+\\.\\d+"))
                .mapToDouble(Double::parseDouble).findFirst().orElseThrow(() -> new AssertionError(r.stdout()));
        assertEquals(5.0, first, 0.1, "first packet time after seeking to 5 s:\n" + r.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void ffmpegFinishesAtTheEndOfAFile(String transport) throws Exception {
        ExternalTool.require("ffmpeg");
        ExternalTool.Result r = ExternalTool.run(Duration.ofSeconds(30), "ffmpeg", "-nostdin", "-v", "error",
                "-rtsp_transport", transport, "-ss", "7", "-i", url("/vod/clip.mp4"), "-f", "framemd5", "-");
        assertEquals(0, r.exitCode(), "RTCP BYE at the end lets ffmpeg finish: " + r.stderr());
        int video = ExternalTool.lines(r.stdout(), "0,").size();
        assertEquals(3 * FPS, video, 10, "video frames from 7 s to the end");
    }

    /** An MP4 with Opus audio (as ffmpeg and browsers' recorders write it) plays like the AAC demo. */
    @Test
    void anMp4WithOpusAudioPlays() throws Exception {
        FfmpegReader.make(tributary.home().resolve("media/opus.mp4"), "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=25:duration=4", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000:duration=4", "-c:v", "libx264", "-g", "25", "-bf", "0",
                "-c:a", "libopus", "-ac", "2", "-shortest");

        assertEquals(List.of("h264", "opus,2"), FfmpegReader.streams(url("/vod/opus.mp4"), "codec_name,channels"));
        String frames = FfmpegReader.frames(url("/vod/opus.mp4"), "tcp", 0);
        assertEquals(4 * 25, ExternalTool.lines(frames, "0,").size(), 5, "video frames");
        assertEquals(4 * 50, ExternalTool.lines(frames, "1,").size(), 10, "20 ms Opus frames");
    }

    /** An MP4 with H.265 video ({@code hvc1}, as phones and cameras record) plays in ffmpeg and GStreamer. */
    @Test
    void anMp4WithH265VideoPlays() throws Exception {
        FfmpegReader.make(tributary.home().resolve("media/hevc.mp4"), "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=25:duration=4", "-pix_fmt", "yuv420p", "-c:v", "libx265",
                "-x265-params", "log-level=none:keyint=25:bframes=0", "-tag:v", "hvc1");

        assertEquals(List.of("hevc,320,240"), FfmpegReader.streams(url("/vod/hevc.mp4"), "codec_name,width,height"));
        String frames = FfmpegReader.frames(url("/vod/hevc.mp4"), "udp", 0);
        assertEquals(4 * 25, ExternalTool.lines(frames, "0,").size(), 5, "video frames");
        GstPlayer.Outcome played = GstPlayer.play(url("/vod/hevc.mp4"), "tcp", 50, 0, Duration.ofSeconds(30));
        assertTrue(played.decodedEnough(), "GStreamer did not decode 50 H.265 frames:\n" + played.output());
    }

    private static String md5(String framemd5) {
        List<String> frames = ExternalTool.lines(framemd5, "0,");
        assertEquals(1, frames.size(), framemd5);
        String[] fields = frames.get(0).split(",");
        return fields[fields.length - 1].strip();
    }
}
