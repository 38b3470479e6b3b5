package io.tributary.itest;

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
 * An MPEG transport stream as ffmpeg writes it (H.264 with B-frames, AAC in ADTS) served from
 * the media directory: ffprobe, ffmpeg and GStreamer play it over UDP and TCP, and an npt seek
 * starts at the keyframe at or before the point asked.
 */
class TransportStreamPlaybackTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static final int FPS = 25;
    private static final int SECONDS = 4;
    private static final double AUDIO_FRAMES_PER_SECOND = 48000 / 1024.0;

    @BeforeAll
    static void addTransportStream() throws Exception {
        FfmpegReader.make(tributary.home().resolve("media/clip.ts"), "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=" + FPS + ":duration=" + SECONDS, "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000:duration=" + SECONDS, "-pix_fmt", "yuv420p",
                "-c:v", "libx264", "-g", String.valueOf(FPS), "-bf", "2", "-c:a", "aac", "-ac", "2", "-f", "mpegts");
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void ffprobeReportsH264AndAac(String transport) throws Exception {
        assertEquals(List.of("h264,320,240", "aac,48000,2"), FfmpegReader.streams(url("/vod/clip.ts"),
                "codec_name,width,height,sample_rate,channels", transport));
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void ffmpegDecodesTheWholeFileWithoutErrors(String transport) throws Exception {
        String frames = FfmpegReader.frames(url("/vod/clip.ts"), transport, 0);
        assertEquals(SECONDS * FPS, ExternalTool.lines(frames, "0,").size(), 3, "video frames");
        assertEquals(SECONDS * AUDIO_FRAMES_PER_SECOND, ExternalTool.lines(frames, "1,").size(), 5, "audio frames");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void gstreamerDecodesVideoAndAudio(String transport) throws Exception {
        GstPlayer.Outcome played = GstPlayer.play(url("/vod/clip.ts"), transport, 50, 60, Duration.ofSeconds(30));
        assertTrue(played.decodedEnough(), "GStreamer did not decode 50 video and 60 audio frames:\n"
                + played.output());
    }

    @Test
    void anNptSeekAnswersWithTheKeyframeAtOrBeforeThePoint() throws IOException {
        // keyframes every second; the timeline starts at the AAC's first PTS, 21 ms before the video's
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = rtsp.request("SETUP", url("/vod/clip.ts/trackID=0"), 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status(), setup.body());
            String id = setup.header("Session").split(";")[0];
            RawRtsp.Response play = rtsp.request("PLAY", url("/vod/clip.ts/"), 2, "Session: " + id,
                    "Range: npt=2.5-");
            assertEquals(200, play.status(), play.body());
            assertTrue(play.header("Range").matches("npt=2\\.02\\d-.*"), "the keyframe of 2 s: " + play.header("Range"));
        }
    }

    @Test
    void ffmpegSeekingShowsTheKeyframeAtOrBeforeThePointFirst() throws Exception {
        ExternalTool.require("ffmpeg");
        ExternalTool.Result remote = ExternalTool.run(Duration.ofSeconds(40), "ffmpeg", "-nostdin", "-v", "error",
                "-ss", "2.5", "-rtsp_transport", "tcp", "-i", url("/vod/clip.ts"), "-frames:v", "1", "-an",
                "-f", "framemd5", "-");
        assertEquals(0, remote.exitCode(), remote.stderr());
        ExternalTool.Result local = ExternalTool.run(Duration.ofSeconds(40), "ffmpeg", "-nostdin", "-v", "error",
                "-i", tributary.home().resolve("media/clip.ts").toString(), "-vf", "select=gte(t\\,2)",
                "-frames:v", "1", "-an", "-f", "framemd5", "-");
        assertEquals(0, local.exitCode(), local.stderr());
        assertEquals(md5(local.stdout()), md5(remote.stdout()), "the first frame is the keyframe of 2 s");
    }

    private static String md5(String framemd5) {
        List<String> frames = ExternalTool.lines(framemd5, "0,");
        assertEquals(1, frames.size(), framemd5);
        String[] fields = frames.get(0).split(",");
        return fields[fields.length - 1].strip();
    }
}
