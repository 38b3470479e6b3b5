package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seeks by absolute time ({@code Range: clock=}, RFC 2326 §3.7) in files: anchored at the
 * container's creation time, or at the file's modification time minus its duration; and by SMPTE
 * time code (§3.5). The same instant in any unit starts on the same frame as by npt, and the reply
 * says where in the unit asked.
 */
class ClockSeekTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    @BeforeAll
    static void addFiles() throws Exception {
        ExternalTool.require("ffmpeg");
        Path demo = tributary.home().resolve("demo/demo.mp4");
        Path media = tributary.home().resolve("media");
        ExternalTool.Result made = ExternalTool.run(Duration.ofSeconds(60), "ffmpeg", "-v", "error", "-i", demo.toString(),
                "-c", "copy", "-map", "0", "-metadata", "creation_time=2026-11-24T10:15:00Z",
                media.resolve("recorded.mp4").toString());
        assertEquals(0, made.exitCode(), made.stderr());
        // no creation time: the file's modification time is when its recording ended
        ExternalTool.Result bare = ExternalTool.run(Duration.ofSeconds(60), "ffmpeg", "-v", "error", "-i", demo.toString(),
                "-c", "copy", "-map", "0", "-map_metadata", "-1", "-fflags", "+bitexact",
                media.resolve("bare.mp4").toString());
        assertEquals(0, bare.exitCode(), bare.stderr());
        Files.setLastModifiedTime(media.resolve("bare.mp4"), FileTime.from(Instant.parse("2026-11-24T12:00:20Z")));
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    private static RawRtsp.Started play(String file, String range) throws IOException {
        return RawRtsp.playVideoFrom(tributary.rtspPort(), url("/vod/" + file), range);
    }

    @Test
    void aClockSeekStartsOnTheSameFrameAsTheNptSeekToTheSameInstant() throws IOException {
        RawRtsp.Started byClock = play("recorded.mp4", "clock=20261124T101505.2Z-");
        assertEquals(200, byClock.status());
        assertTrue(byClock.range().matches("clock=20261124T101505Z-20261124T1015(09|10)(\\.\\d+)?Z"),
                "where it really starts (the keyframe at 5 s), in clock time: " + byClock.range());
        RawRtsp.Started byNpt = play("recorded.mp4", "npt=5.2-");
        assertTrue(byNpt.range().startsWith("npt=5.000-"), byNpt.range());
        assertArrayEquals(byNpt.firstPayload(), byClock.firstPayload(), "the same first frame");
    }

    @Test
    void anSmpteSeekStartsOnTheSameFrameAsTheNptSeekAndIsAnsweredInTimeCode() throws IOException {
        RawRtsp.Started byNpt = play("recorded.mp4", "npt=5.2-");
        RawRtsp.Started pal = play("recorded.mp4", "smpte-25=0:00:05:05-");
        assertEquals(200, pal.status());
        assertTrue(pal.range().matches("smpte-25=0:00:05:00-0:00:(09|10):\\d\\d"), pal.range());
        assertArrayEquals(byNpt.firstPayload(), pal.firstPayload(), "the keyframe at 5 s");
        RawRtsp.Started ntsc = play("recorded.mp4", "smpte=0:00:05:06-");
        assertEquals(200, ntsc.status());
        assertTrue(ntsc.range().startsWith("smpte=0:00:05:00-"), "29.97 drop-frame by default: " + ntsc.range());
        assertArrayEquals(byNpt.firstPayload(), ntsc.firstPayload());
    }

    @Test
    void withoutACreationTimeTheModificationTimeMinusTheDurationAnchorsTheFile() throws IOException {
        // 12:00:20 minus about 10 s: npt 5 is about 12:00:15
        RawRtsp.Started byClock = play("bare.mp4", "clock=20261124T120015.3Z-");
        assertEquals(200, byClock.status());
        assertTrue(byClock.range().startsWith("clock=20261124T1200"), byClock.range());
        RawRtsp.Started byNpt = play("bare.mp4", "npt=5.2-");
        assertArrayEquals(byNpt.firstPayload(), byClock.firstPayload(), "the keyframe at 5 s either way");
    }

    @Test
    void instantsOutsideTheRecordingAndLivePathsAreInvalidRanges() throws IOException {
        assertEquals(457, play("recorded.mp4", "clock=20261124T101459Z-").status(), "before it starts");
        assertEquals(457, play("recorded.mp4", "clock=20261124T101700Z-").status(), "after it ends");
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = rtsp.request("SETUP", url("/demo/trackID=0"), 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            String id = setup.header("Session").split(";")[0];
            assertEquals(457, rtsp.request("PLAY", url("/demo/"), 2, "Session: " + id,
                    "Range: clock=20261124T101505Z-").status(), "the looping demo has no clock timeline");
        }
    }
}
