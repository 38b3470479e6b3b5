package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One reader that stops reading must not slow down or cost packets to the others, and is
 * disconnected once its queue has stayed full for the configured time.
 */
class SlowReaderTest {
    private static final int SLOW_READER_SECONDS = 3;
    private static final int FAST_READERS = 20;
    private static final long READ_MILLIS = 12_000;

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(
            Map.of("io.tributary.engine.rtsp", "slowReaderSeconds = " + SLOW_READER_SECONDS));

    private static Path clip;

    /** About 11 Mbit/s of 720p video, so that a stalled reader's buffers fill in seconds. */
    @BeforeAll
    static void makeClip() throws Exception {
        ExternalTool.require("ffmpeg");
        clip = tributary.home().resolve("media/busy.mp4");
        ExternalTool.Result r = ExternalTool.run(Duration.ofSeconds(60), "ffmpeg", "-nostdin", "-v", "error",
                "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-t", "3", "-c:v", "libx264",
                "-preset", "ultrafast", "-qp", "12", "-g", "30", "-bf", "0", "-threads", "1", clip.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.size(clip) > 2_000_000, "clip bitrate too low to fill buffers quickly");
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    private static RawRtsp play(RawRtsp rtsp, String path) throws Exception {
        RawRtsp.Response setup = rtsp.request("SETUP", url(path) + "/trackID=0", 1,
                "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
        assertEquals(200, setup.status(), setup.body());
        assertEquals(200, rtsp.request("PLAY", url(path), 2, "Session: " + setup.header("Session").split(";")[0])
                .status());
        return rtsp;
    }

    @Test
    void aStalledReaderCostsTheOthersNothingAndIsDisconnected() throws Exception {
        String path = "/live/busy";
        ExecutorService threads = Executors.newFixedThreadPool(FAST_READERS);
        try (Publisher publisher = Publisher.loop(clip, url(path), "tcp").awaitPublished(tributary.rtspPort());
             RawRtsp stalled = play(new RawRtsp(tributary.rtspPort(), 4096), path)) {
            List<Future<RawRtsp.Received>> fast = new ArrayList<>();
            for (int i = 0; i < FAST_READERS; i++) {
                fast.add(threads.submit(() -> {
                    try (RawRtsp reader = play(new RawRtsp(tributary.rtspPort()), path)) {
                        return reader.count(0, READ_MILLIS);
                    }
                }));
            }
            List<RawRtsp.Received> results = new ArrayList<>();
            for (Future<RawRtsp.Received> f : fast) {
                results.add(f.get(READ_MILLIS + 30_000, TimeUnit.MILLISECONDS));
            }
            int most = results.stream().mapToInt(RawRtsp.Received::packets).max().orElse(0);
            assertTrue(most > READ_MILLIS / 1000 * 300, "packets fast readers got in " + READ_MILLIS / 1000
                    + " s: " + results + "; publisher alive " + publisher.alive() + ": " + publisher.output());
            for (RawRtsp.Received r : results) {
                assertEquals(0, r.sequenceGaps(), "a fast reader lost packets: " + r);
                assertTrue(r.packets() >= most * 0.95, "a fast reader fell behind: " + r + " of " + most);
            }
            assertTrue(stalled.closedByServer((SLOW_READER_SECONDS + 10) * 1000),
                    "the stalled reader is disconnected");
            assertTrue(publisher.alive(), publisher.output());
        } finally {
            threads.shutdownNow();
        }
    }
}
