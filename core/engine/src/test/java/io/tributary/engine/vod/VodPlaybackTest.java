package io.tributary.engine.vod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.source.MediaSource;
import io.tributary.api.source.MediaSourceProvider;
import io.tributary.api.source.SeekableSource;
import io.tributary.api.transport.RtpFrame;
import io.tributary.engine.frame.PooledFrame;
import io.tributary.engine.path.PathRegistry;
import io.tributary.engine.path.SharedSource;
import io.tributary.engine.path.Whiteboard;
import io.tributary.engine.testing.RecordingTrackSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The VOD timeline against a fake 10-frame clip (30 fps, keyframes at frames 0 and 5). */
class VodPlaybackTest {
    private static final int FRAMES = 10;
    private static final int TICKS = 3000;

    private static final class FakeClip implements SeekableSource {
        private final boolean looping;

        FakeClip(boolean looping) {
            this.looping = looping;
        }

        @Override
        public MediaDescription description() {
            return new MediaDescription("fake", List.of(new TrackDescription(0, MediaType.VIDEO,
                    new Encoding("FAKE", 90000, 0), null, 0, 0, 0)), Duration.ofNanos(FRAMES * 1_000_000_000L / 30), looping);
        }

        @Override
        public int sampleCount(int track) {
            return FRAMES;
        }

        @Override
        public int seekIndex(int track, long time) {
            return time >= 5L * TICKS ? 5 : 0;
        }

        @Override
        public long decodeTime(int track, int index) {
            return (long) index * TICKS;
        }

        @Override
        public long presentationTime(int track, int index) {
            return (long) index * TICKS;
        }

        @Override
        public AccessUnit read(int track, int index) {
            return new AccessUnit(0, (long) index * TICKS, (long) index * TICKS, index % 5 == 0,
                    ByteBuffer.allocate(100 + index));
        }

        @Override
        public void close() {
        }
    }

    private static final Packetizer ONE_PACKET = new Packetizer() {
        @Override
        public List<ByteBuffer> packetize(AccessUnit unit) {
            return List.of(unit.dataView());
        }

        @Override
        public boolean markerOnLast() {
            return true;
        }
    };

    private final ScheduledExecutorService loop = new ScheduledThreadPoolExecutor(1);
    private final ScheduledExecutorService blocking = new ScheduledThreadPoolExecutor(2);
    private final RecordingTrackSink sink = new RecordingTrackSink();

    @AfterEach
    void stop() {
        loop.shutdownNow();
        blocking.shutdownNow();
    }

    private final VodFrames frames = new VodFrames(new SampleCache(1 << 20, blocking), 1 << 20);
    private SharedSource source;

    private VodPlayback playback(boolean looping) {
        return playback(looping, sink);
    }

    /** A session of the clip (the same opened clip for every session of a test). */
    private VodPlayback playback(boolean looping, RecordingTrackSink to) {
        if (source == null) {
            Whiteboard<MediaSourceProvider> providers = new Whiteboard<>();
            providers.add("", path -> Optional.<MediaSource>of(new FakeClip(looping)), 0, 1);
            PathRegistry paths = new PathRegistry(providers, new Whiteboard<>(), blocking, blocking, 1000, 10, 1400, 1 << 20);
            source = paths.acquire("/fake").join();
        }
        return new VodPlayback(source, frames, List.of(new VodPlayback.Output(0, 96, to, ONE_PACKET)),
                loop, error -> { });
    }

    private <T> T onLoop(Callable<T> call) throws Exception {
        return loop.submit(call).get(5, TimeUnit.SECONDS);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached in 10 s");
    }

    @Test
    void playsEveryFrameOnceThenSendsByeAtTheEnd() throws Exception {
        VodPlayback playback = playback(false);
        VodPlayback.Start start = onLoop(() -> playback.play(null));
        awaitUntil(sink::sawBye);
        List<RtpPacket> sent = sink.rtp();
        assertEquals(FRAMES, sent.size());
        assertEquals(start.tracks().get(0).sequence(), sent.get(0).sequenceNumber());
        assertEquals(start.tracks().get(0).rtpTime(), sent.get(0).timestamp());
        for (int i = 1; i < sent.size(); i++) {
            assertEquals((sent.get(i - 1).sequenceNumber() + 1) & 0xffff, sent.get(i).sequenceNumber());
            assertEquals((sent.get(i - 1).timestamp() + TICKS) & 0xffffffffL, sent.get(i).timestamp());
            assertTrue(sent.get(i).marker());
        }
        assertEquals(100 + FRAMES - 1, sent.get(FRAMES - 1).payload().remaining(), "the last frame is the last sample");
    }

    @Test
    void loopingContinuesSequenceAndTimestampsAcrossTheEnd() throws Exception {
        VodPlayback playback = playback(true);
        onLoop(() -> playback.play(null));
        awaitUntil(() -> sink.rtp().size() >= 3 * FRAMES);
        onLoop(() -> {
            playback.stop(true);
            return null;
        });
        List<RtpPacket> sent = sink.rtp();
        for (int i = 1; i < 3 * FRAMES; i++) {
            assertEquals((sent.get(i - 1).sequenceNumber() + 1) & 0xffff, sent.get(i).sequenceNumber(), "packet " + i);
            assertEquals((sent.get(i - 1).timestamp() + TICKS) & 0xffffffffL, sent.get(i).timestamp(), "packet " + i);
        }
        assertEquals(100, sent.get(FRAMES).payload().remaining(), "the second loop starts again at the first sample");
    }

    @Test
    void seekStartsOnTheKeyframeAtOrBeforeAndPauseResumeContinues() throws Exception {
        VodPlayback playback = playback(false);
        VodPlayback.Start start = onLoop(() -> playback.play(0.2));
        assertEquals(5.0 / 30, start.npt(), 1e-9, "npt of the keyframe at frame 5");
        awaitUntil(() -> !sink.rtp().isEmpty());
        double paused = onLoop(playback::pause);
        int sentWhenPaused = sink.rtp().size();
        assertEquals(start.tracks().get(0).rtpTime(), sink.rtp().get(0).timestamp(), "RTP-Info matches the keyframe");
        assertEquals(105, sink.rtp().get(0).payload().remaining(), "first frame sent is frame 5");
        Thread.sleep(100);
        assertEquals(sentWhenPaused, sink.rtp().size(), "nothing is sent while paused");
        VodPlayback.Start resumed = onLoop(() -> playback.play(null));
        assertEquals(paused, resumed.npt(), 1e-9);
        assertEquals((sink.rtp().get(sentWhenPaused - 1).sequenceNumber() + 1) & 0xffff,
                resumed.tracks().get(0).sequence());
        awaitUntil(sink::sawBye);
        assertEquals(FRAMES - 5, sink.rtp().size(), "frames 5 to 9, each once");
    }

    /** What a client sees of each packet. */
    private static List<String> described(List<RtpPacket> packets) {
        return packets.stream().map(p -> p.ssrc() + "/" + p.sequenceNumber() + "/" + p.timestamp() + "/" + p.marker()
                + "/" + p.payloadType() + "/" + java.util.HexFormat.of().formatHex(bytes(p.payload()))).toList();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Test
    void sessionsAtTheSameSampleSendTheSameFramesMadeOnce() throws Exception {
        RecordingTrackSink other = new RecordingTrackSink();
        VodPlayback first = playback(false);
        VodPlayback second = playback(false, other);
        onLoop(() -> first.play(null));
        onLoop(() -> second.play(null));
        awaitUntil(() -> sink.sawBye() && other.sawBye());
        assertEquals(FRAMES, sink.rtp().size());
        assertEquals(described(sink.rtp()), described(other.rtp()), "the same packets: SSRC, sequence numbers, timestamps, payloads");
        assertEquals(FRAMES, frames.framesMade(), "each sample made into a frame once for both sessions");
        for (int i = 0; i < FRAMES; i++) {
            assertSame(sink.frames().get(i), other.frames().get(i), "frame " + i + " is the same pooled frame");
        }
    }

    @Test
    void aLaterSessionJoinsTheNumberingOfTheSessionsBefore() throws Exception {
        VodPlayback first = playback(false);
        VodPlayback.Start started = onLoop(() -> first.play(null));
        awaitUntil(sink::sawBye);
        RecordingTrackSink later = new RecordingTrackSink();
        VodPlayback second = playback(false, later);
        VodPlayback.Start joined = onLoop(() -> second.play(null));
        awaitUntil(later::sawBye);
        assertEquals(started.tracks().get(0).sequence(), joined.tracks().get(0).sequence());
        assertEquals(started.tracks().get(0).rtpTime(), joined.tracks().get(0).rtpTime());
        assertEquals(described(sink.rtp()), described(later.rtp()));
        assertEquals(FRAMES, frames.framesMade(), "the later session sent the frames kept from the first");
    }

    @Test
    void aSeekGoesOnWithTheSessionsSequenceNumbersAndItsSsrc() throws Exception {
        RecordingTrackSink other = new RecordingTrackSink();
        VodPlayback ahead = playback(false, other); // numbers every sample before the seek lands
        onLoop(() -> ahead.play(null));
        awaitUntil(other::sawBye);
        VodPlayback playback = playback(false);
        onLoop(() -> playback.play(null));
        awaitUntil(() -> sink.rtp().size() >= 2);
        int[] sentBefore = new int[1];
        VodPlayback.Start sought = onLoop(() -> {
            sentBefore[0] = sink.rtp().size(); // on the loop: nothing is sent meanwhile
            return playback.play(0.2);
        });
        RtpPacket last = sink.rtp().get(sentBefore[0] - 1);
        assertEquals((last.sequenceNumber() + 1) & 0xffff, sought.tracks().get(0).sequence(),
                "no jump in sequence numbers (ffmpeg drops the first packet after one)");
        awaitUntil(sink::sawBye);
        RtpPacket firstAfter = sink.rtp().get(sentBefore[0]);
        assertEquals(sought.tracks().get(0).sequence(), firstAfter.sequenceNumber());
        assertEquals(last.ssrc(), firstAfter.ssrc());
        assertEquals(105, firstAfter.payload().remaining(), "frame 5, the keyframe");
    }

    @Test
    void aClosedFilesNumberingIsForgottenWhenAFileIsOpened() throws Exception {
        Whiteboard<MediaSourceProvider> providers = new Whiteboard<>();
        providers.add("", path -> Optional.<MediaSource>of(new FakeClip(false)), 0, 1);
        PathRegistry paths = new PathRegistry(providers, new Whiteboard<>(), blocking, blocking, 10, 10, 1400, 1 << 20);
        SharedSource first = paths.acquire("/fake").join();
        frames.ssrc(first, 0, 96);
        assertEquals(frames.ssrc(first, 0, 96), frames.ssrc(first, 0, 96), "one SSRC per track of an open file");
        first.release();
        awaitUntil(first::closed);
        SharedSource again = paths.acquire("/fake").join();
        frames.ssrc(again, 0, 96);
        assertEquals(1, frames.tracksKnown(), "only the open file's track is known");
        again.release();
    }

    @Test
    void keptFramesAreBoundedByBytesAndAgeAndGoBackToThePool() throws Exception {
        VodFrames small = new VodFrames(new SampleCache(1 << 20, blocking), 2 * (2 * (12 + 109) + 256),
                Duration.ZERO, VodFrames.SAMPLES_PER_RUN);
        playback(false); // opens the clip
        VodPlayback bounded = new VodPlayback(source, small, List.of(new VodPlayback.Output(0, 96, sink, ONE_PACKET)),
                loop, error -> { });
        onLoop(() -> bounded.play(null));
        awaitUntil(sink::sawBye);
        assertTrue(small.keptBytes() <= 2 * (2 * (12 + 109) + 256), "at most two frames kept: " + small.keptBytes());
        List<RtpFrame> sent = sink.frames();
        for (int i = 0; i < FRAMES - 2; i++) {
            assertEquals(0, ((PooledFrame) sent.get(i)).references(), "frame " + i + " went back to the pool");
        }
        small.sweep();
        assertEquals(0, small.keptBytes(), "frames older than the maximum age are let go");
        sent.forEach(f -> assertEquals(0, ((PooledFrame) f).references()));
    }
}
