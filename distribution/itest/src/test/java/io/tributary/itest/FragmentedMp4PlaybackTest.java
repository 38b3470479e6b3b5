package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fragmented MP4 ({@code moof}/{@code mdat} pairs after an empty movie box, as recorders and
 * {@code ffmpeg -movflags frag_keyframe+empty_moov} write it) served from {@code media/}: ffmpeg
 * and GStreamer play it over UDP and TCP, and an npt seek starts at the keyframe before the point.
 */
class FragmentedMp4PlaybackTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static final int SECONDS = 4;
    private static final int FPS = 25;
    private static final double AUDIO_FRAMES_PER_SECOND = 48000 / 1024.0;

    @BeforeAll
    static void addFragmentedFile() throws Exception {
        // keyframes every second, B-frames: composition offsets in every trun
        FfmpegReader.make(file(), "-f", "lavfi", "-i", "testsrc=size=320x240:rate=" + FPS + ":duration=" + SECONDS,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + SECONDS,
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", String.valueOf(FPS), "-bf", "2",
                "-c:a", "aac", "-ac", "2", "-movflags", "frag_keyframe+empty_moov");
    }

    private static Path file() {
        return tributary.home().resolve("media/fragmented.mp4");
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void ffmpegPlaysEveryFrame(String transport) throws Exception {
        assertEquals(List.of("h264", "aac"), FfmpegReader.streams(url("/vod/fragmented.mp4"), "codec_name", transport));
        String frames = FfmpegReader.frames(url("/vod/fragmented.mp4"), transport, 0);
        assertEquals(SECONDS * FPS, ExternalTool.lines(frames, "0,").size(), 3, "video frames");
        assertEquals(SECONDS * AUDIO_FRAMES_PER_SECOND, ExternalTool.lines(frames, "1,").size(), 6, "audio frames");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void gstreamerDecodesVideoAndAudio(String transport) throws Exception {
        GstPlayer.Outcome played = GstPlayer.play(url("/vod/fragmented.mp4"), transport, 40, 60,
                Duration.ofSeconds(20));
        assertTrue(played.decodedEnough(), "GStreamer did not decode 40 video and 60 audio frames:\n"
                + played.output());
    }

    @Test
    void anNptSeekStartsAtTheKeyframeBeforeThePoint() throws Exception {
        double keyframe = keyframeAtOrBefore(2.5);
        assertTrue(keyframe > 1.5, "the second keyframe of the file: " + keyframe);
        RawRtsp.Started seek = play("npt=2.5-");
        assertEquals(200, seek.status());
        assertTrue(seek.range().startsWith("npt="), seek.range());
        double start = Double.parseDouble(seek.range().substring(4, seek.range().indexOf('-')));
        assertEquals(keyframe, start, 0.0011, "the reply names the keyframe it starts from: " + seek.range());
        assertTrue(startsAKeyframe(seek.firstPayload()), "the first packet carries the keyframe: NAL type "
                + (seek.firstPayload()[0] & 0x1F));
        RawRtsp.Started exact = play(String.format("npt=%.3f-", keyframe));
        assertArrayEquals(exact.firstPayload(), seek.firstPayload(), "the same first picture as a seek to it");
    }

    /** The presentation time in seconds of the last video keyframe at or before {@code seconds}, per ffprobe. */
    private static double keyframeAtOrBefore(double seconds) throws Exception {
        ExternalTool.Result probe = ExternalTool.run(Duration.ofSeconds(30), "ffprobe", "-v", "error",
                "-select_streams", "v", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0",
                file().toString());
        assertEquals(0, probe.exitCode(), probe.stderr());
        return probe.stdout().lines().map(l -> l.split(",")).filter(f -> f.length >= 2 && f[1].startsWith("K"))
                .mapToDouble(f -> Double.parseDouble(f[0])).filter(t -> t <= seconds).max()
                .orElseThrow(() -> new AssertionError(probe.stdout()));
    }

    /** An H.264 RTP payload (RFC 6184) that starts a coded picture able to start decoding: IDR, SPS, or SEI before them. */
    private static boolean startsAKeyframe(byte[] payload) {
        int type = payload[0] & 0x1F;
        if (type == 28 || type == 29) { // FU-A/FU-B: the fragmented unit's type
            type = payload[1] & 0x1F;
        } else if (type == 24) { // STAP-A: the first aggregated unit's type
            type = payload[3] & 0x1F;
        }
        return type == 5 || type == 7 || type == 6;
    }

    private static RawRtsp.Started play(String range) throws IOException {
        return RawRtsp.playVideoFrom(tributary.rtspPort(), url("/vod/fragmented.mp4"), range);
    }
}
