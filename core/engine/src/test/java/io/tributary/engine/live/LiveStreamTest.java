package io.tributary.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.transport.RtpFrame;
import io.tributary.engine.session.Playback;
import io.tributary.engine.session.SessionEndReason;
import io.tributary.engine.testing.RecordingTrackSink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live stream's fan-out: keyframe cache, joining, slow readers, restarts and the end. */
class LiveStreamTest {
    private static final MediaDescription VIDEO = new MediaDescription("live", List.of(new TrackDescription(0,
            MediaType.VIDEO, new Encoding("H264", 90_000, 0), null, 0, 0, 0)), null, false);
    /** Two packets per unit: the unit's first byte, then its size. */
    private static final Packetizer TWO_PACKETS = new Packetizer() {
        @Override
        public List<ByteBuffer> packetize(AccessUnit unit) {
            return List.of(ByteBuffer.wrap(new byte[] {unit.data().get(0)}),
                    ByteBuffer.wrap(new byte[] {(byte) unit.data().remaining(), 0}));
        }

        @Override
        public boolean markerOnLast() {
            return true;
        }
    };

    /** As many packets as the unit's second byte says, each the unit's first byte and its index. */
    private static final Packetizer COUNTED = new Packetizer() {
        @Override
        public List<ByteBuffer> packetize(AccessUnit unit) {
            List<ByteBuffer> packets = new ArrayList<>();
            for (int i = 0; i < unit.data().get(1); i++) {
                packets.add(ByteBuffer.wrap(new byte[] {unit.data().get(0), (byte) i}));
            }
            return packets;
        }

        @Override
        public boolean markerOnLast() {
            return true;
        }
    };

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean ended = new AtomicBoolean();

    @AfterEach
    void stop() {
        loop.shutdownNow();
    }

    /** Records the frames it is given, which {@link #TWO_PACKETS} cut into packets. */
    private static class FrameSink extends RecordingTrackSink {
        /** The first payload byte of each unit: the marker-less first packets. */
        List<Integer> units() {
            return rtp().stream().filter(p -> !p.marker()).map(p -> (int) p.payload().get(0)).toList();
        }
    }

    private LiveStream stream() {
        return new LiveStream("/live/test", VIDEO, track -> TWO_PACKETS, track -> 96, 1 << 20, () -> ended.set(true));
    }

    /** Unit {@code n} (its first byte is {@code n}), a keyframe when {@code key}, 40 ms apart. */
    private static AccessUnit unit(int n, boolean key) {
        return new AccessUnit(0, n * 3600L, n * 3600L, key, ByteBuffer.wrap(new byte[] {(byte) n, 1, 2}));
    }

    private LiveReader reader(LiveStream stream, FrameSink sink, long slowNanos) {
        return reader(stream, sink, slowNanos, false);
    }

    /** A reader that has played and begun: frames flow to {@code sink}. */
    private LiveReader playing(LiveStream stream, FrameSink sink, long slowNanos) throws Exception {
        return playing(stream, sink, slowNanos, false);
    }

    private LiveReader playing(LiveStream stream, FrameSink sink, long slowNanos, boolean wholeFrames) throws Exception {
        LiveReader reader = reader(stream, sink, slowNanos, wholeFrames);
        onLoop(() -> reader.play(null));
        onLoop(() -> {
            reader.begin();
            return null;
        });
        return reader;
    }

    private LiveReader reader(LiveStream stream, FrameSink sink, long slowNanos, boolean wholeFrames) {
        return new LiveReader(stream, Map.of(0, sink), loop, slowNanos,
                reason -> endReason.set(reason), "test reader", wholeFrames);
    }

    private final AtomicReference<SessionEndReason> endReason = new AtomicReference<>();

    private <T> T onLoop(Callable<T> call) throws Exception {
        return loop.submit(call).get(5, TimeUnit.SECONDS);
    }

    private void drain() throws Exception {
        onLoop(() -> null);
        onLoop(() -> null);
    }

    @Test
    void aNewReaderGetsTheFramesSinceTheLastKeyframeFirstThenLiveOnes() throws Exception {
        LiveStream stream = stream();
        for (int n = 1; n <= 7; n++) {
            stream.publish(unit(n, n == 1 || n == 5));
        }
        FrameSink sink = new FrameSink();
        LiveReader reader = reader(stream, sink, TimeUnit.SECONDS.toNanos(10));
        Playback.Start start = onLoop(() -> reader.play(null));
        stream.publish(unit(8, false));   // arrives before the PLAY response is out: kept for later
        drain();
        assertTrue(sink.rtp().isEmpty(), "nothing is sent before begin()");
        onLoop(() -> {
            reader.begin();
            return null;
        });
        stream.publish(unit(9, false));
        drain();
        assertEquals(List.of(5, 6, 7, 8, 9), sink.units(), "cached GOP from keyframe 5, then live");
        List<Integer> seqs = sink.sequences();
        assertEquals(start.tracks().get(0).sequence(), seqs.get(0), "RTP-Info names the first packet sent");
        assertEquals(start.tracks().get(0).rtpTime(), sink.timestamps().get(0), "and its timestamp");
        for (int i = 1; i < seqs.size(); i++) {
            assertEquals((seqs.get(i - 1) + 1) & 0xffff, seqs.get(i), "no gap, no duplicate");
        }
        assertFalse(sink.rtcp().isEmpty(), "a sender report goes out before the cached frames");
    }

    @Test
    void senderReportsGoOutEveryFiveSecondsInTheSameWriteAsTheNextFrameAndNotWhilePaused() throws Exception {
        LiveStream stream = stream();
        stream.publish(unit(1, true));
        FrameSink sink = new FrameSink();
        LiveReader reader = playing(stream, sink, TimeUnit.SECONDS.toNanos(10));
        assertEquals(List.of("rtcp", "flush", "frame", "flush"), sink.events(), "a report, flushed, before the cache");
        long start = System.nanoTime();
        onLoop(() -> {
            reader.reportIfDue(start);
            return null;
        });
        assertEquals(1, sink.rtcp().size(), "not due yet");
        onLoop(() -> {
            reader.reportIfDue(start + TimeUnit.SECONDS.toNanos(5) + 1);
            return null;
        });
        assertEquals(2, sink.rtcp().size(), "due after 5 s");
        assertEquals("rtcp", sink.events().getLast(), "queued, not flushed on its own");
        stream.publish(unit(2, false));
        drain();
        List<String> events = sink.events();
        assertEquals(List.of("rtcp", "frame", "flush"), events.subList(events.size() - 3, events.size()),
                "the report leaves in the frame's flush");
        onLoop(() -> {
            reader.reportIfDue(start + TimeUnit.SECONDS.toNanos(7));
            return null;
        });
        assertEquals(2, sink.rtcp().size(), "the next one is 5 s after the last");
        onLoop(reader::pause);
        onLoop(() -> {
            reader.reportIfDue(start + TimeUnit.SECONDS.toNanos(60));
            return null;
        });
        assertEquals(2, sink.rtcp().size(), "none while paused");
    }

    @Test
    void aReaderThatCannotKeepUpLosesFramesUntilTheNextKeyframeAndIsDisconnectedAfterTheLimit() throws Exception {
        LiveStream stream = stream();
        stream.publish(unit(1, true));
        FrameSink sink = new FrameSink();
        LiveReader reader = playing(stream, sink, TimeUnit.MILLISECONDS.toNanos(300));
        sink.full = true;
        stream.publish(unit(2, false));
        drain();
        sink.full = false;
        stream.publish(unit(3, false));
        stream.publish(unit(4, true));
        stream.publish(unit(5, false));
        drain();
        assertEquals(List.of(1, 4, 5), sink.units(), "after a loss, video resumes at a keyframe");
        assertEquals(4, reader.droppedPackets(), "frames 2 and 3 (two packets each) counted as dropped");
        assertNull(endReason.get());

        sink.full = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (int n = 6; endReason.get() == null && System.nanoTime() < deadline; n++) {
            stream.publish(unit(n, false));
            Thread.sleep(20);
        }
        drain();
        assertEquals(SessionEndReason.SLOW_READER, endReason.get(), "full for longer than the limit");
    }

    @Test
    void aRestartedSourceContinuesTheTimelineAndTheEndReachesEveryReader() throws Exception {
        LiveStream stream = stream();
        FrameSink sink = new FrameSink();
        LiveReader reader = playing(stream, sink, TimeUnit.SECONDS.toNanos(10));
        stream.publish(unit(1, true));
        stream.publish(unit(2, false));
        stream.discontinuity();
        stream.publish(new AccessUnit(0, 123_456_789L, 123_456_789L, true, ByteBuffer.wrap(new byte[] {3, 0, 0})));
        drain();
        List<Long> times = sink.timestamps();
        long before = times.get(2);
        long after = times.get(4);
        assertTrue(((after - before) & 0xffffffffL) < 90_000, "the new source's time follows on: " + before
                + " then " + after);
        stream.end();
        drain();
        assertTrue(ended.get(), "the path learns that its stream ended");
        assertEquals(SessionEndReason.END_OF_STREAM, endReason.get(), "readers end with the stream");
        assertNull(stream.join(reader(stream, new FrameSink(), 1), loop), "nobody joins an ended stream");
    }

    /**
     * The source says where its tracks stand against its wall clock (sender reports); units
     * then arrive with unrelated delays. The stream's own reports must keep the source's
     * relation between the tracks, not the arrival times.
     */
    @Test
    void senderReportsKeepTheSourcesTrackRelation() throws Exception {
        MediaDescription av = new MediaDescription("live", List.of(
                new TrackDescription(0, MediaType.VIDEO, new Encoding("H264", 90_000, 0), null, 0, 0, 0),
                new TrackDescription(1, MediaType.AUDIO, new Encoding("MPEG4-GENERIC", 48_000, 2), null, 0, 0, 0)),
                null, false);
        LiveStream stream = new LiveStream("/live/av", av, track -> TWO_PACKETS, track -> 96 + track, 1 << 20, () -> { });
        FrameSink video = new FrameSink();
        FrameSink audio = new FrameSink();
        LiveReader reader = new LiveReader(stream, Map.of(0, video, 1, audio), loop, TimeUnit.SECONDS.toNanos(10),
                reason -> { }, "av reader", false);
        onLoop(() -> reader.play(null));
        long ntp = io.tributary.rtsp.rtp.NtpTime.fromEpochMillis(System.currentTimeMillis() - 2000);
        stream.senderReport(0, ntp, 1_000_000L);
        stream.senderReport(1, ntp, 5_000L);
        // Arrival says nothing: video 100 ms after the report instant, audio a whole second after.
        stream.publish(new AccessUnit(0, 1_000_000L + 9_000, 1_000_000L + 9_000, true, ByteBuffer.wrap(new byte[] {1, 0})));
        stream.publish(new AccessUnit(1, 5_000L + 48_000, 5_000L + 48_000, true, ByteBuffer.wrap(new byte[] {2, 0})));
        onLoop(() -> {
            reader.begin();
            return null;
        });
        drain();
        long videoOffset = (video.timestamps().get(0) - (1_000_000L + 9_000)) & 0xffffffffL;
        long audioOffset = (audio.timestamps().get(0) - (5_000L + 48_000)) & 0xffffffffL;
        ByteBuffer videoReport = video.rtcp().get(0);
        ByteBuffer audioReport = audio.rtcp().get(0);
        long videoRtp = videoReport.getInt(16) & 0xffffffffL;
        long audioRtp = audioReport.getInt(16) & 0xffffffffL;
        double videoSourceMillis = (((videoRtp - videoOffset - 1_000_000L) << 32) >> 32) / 90.0;
        double audioSourceMillis = (((audioRtp - audioOffset - 5_000L) << 32) >> 32) / 48.0;
        assertEquals(videoSourceMillis, audioSourceMillis, 5.0,
                "both reports name the same instant of the source's clock");
    }

    /** Records the packet count of each frame it is given. */
    private static class SizeSink extends FrameSink {
        final List<Integer> frameSizes = new ArrayList<>();
        final List<RtpFrame> given = new ArrayList<>();

        @Override
        public synchronized boolean sendFrame(RtpFrame frame) {
            frameSizes.add(frame.packetCount());
            given.add(frame);
            return super.sendFrame(frame);
        }

        @Override
        public synchronized String toString() {
            return frameSizes.toString();
        }
    }

    @Test
    void aLargeKeyframeIsPacedOutInPartsAndStaysInOrderAndTcpReadersTakeItWhole() throws Exception {
        LiveStream stream = new LiveStream("/live/big", VIDEO, track -> COUNTED, track -> 96, 1 << 20, () -> { });
        SizeSink paced = new SizeSink();
        SizeSink whole = new SizeSink();
        LiveReader udpReader = playing(stream, paced, TimeUnit.SECONDS.toNanos(10), false);
        LiveReader tcpReader = playing(stream, whole, TimeUnit.SECONDS.toNanos(10), true);
        stream.publish(new AccessUnit(0, 0, 0, true, ByteBuffer.wrap(new byte[] {1, 100})));
        stream.publish(new AccessUnit(0, 3600, 3600, false, ByteBuffer.wrap(new byte[] {2, 3})));
        for (int i = 0; i < 50 && paced.rtp().size() < 103; i++) {
            Thread.sleep(10);
        }
        drain();
        assertEquals("[40, 40, 20, 3]", paced.toString(), "the keyframe in paced parts, then the next frame");
        assertEquals("[100, 3]", whole.toString(), "over TCP the keyframe whole, once");
        for (SizeSink sink : List.of(paced, whole)) {
            List<Integer> seqs = sink.sequences();
            assertEquals(103, seqs.size());
            for (int i = 1; i < seqs.size(); i++) {
                assertEquals((seqs.get(i - 1) + 1) & 0xffff, seqs.get(i), "in order");
            }
        }
        for (LiveReader reader : List.of(udpReader, tcpReader)) {
            onLoop(() -> {
                reader.stop(false);
                return null;
            });
        }
        stream.end();
        drain();
        for (RtpFrame frame : whole.given) {
            assertEquals(0, ((io.tributary.engine.frame.PooledFrame) frame).references(), "released: " + frame);
        }
        for (RtpFrame frame : paced.given) {
            assertEquals(0, ((io.tributary.engine.frame.PooledFrame) frame).references(), "released: " + frame);
        }
    }

    @Test
    void withOnlyTcpReadersLargeFramesAreNotCut() throws Exception {
        LiveStream stream = new LiveStream("/live/big", VIDEO, track -> COUNTED, track -> 96, 1 << 20, () -> { });
        SizeSink whole = new SizeSink();
        playing(stream, whole, TimeUnit.SECONDS.toNanos(10), true);
        stream.publish(new AccessUnit(0, 0, 0, true, ByteBuffer.wrap(new byte[] {1, 100})));
        stream.publish(new AccessUnit(0, 3600, 3600, true, ByteBuffer.wrap(new byte[] {2, 100})));
        drain();
        assertEquals("[100, 100]", whole.toString());
    }

    /** Every frame a sink was handed (live, cached, paced parts) is back in the pool once nobody needs it. */
    @Test
    void everyFrameReturnsToThePoolOnceReadersAndTheCacheAreDone() throws Exception {
        LiveStream stream = stream();
        stream.publish(unit(1, true));
        stream.publish(unit(2, false));
        FrameSink early = new FrameSink();
        LiveReader first = reader(stream, early, TimeUnit.SECONDS.toNanos(10));
        onLoop(() -> first.play(null));
        stream.publish(unit(3, false)); // held for the reader until begin()
        onLoop(() -> {
            first.begin();
            return null;
        });
        FrameSink never = new FrameSink();
        LiveReader leaver = reader(stream, never, TimeUnit.SECONDS.toNanos(10));
        onLoop(() -> leaver.play(null)); // holds the cached GOP, then leaves without begin()
        stream.publish(unit(4, true));
        onLoop(() -> {
            leaver.stop(false);
            return null;
        });
        stream.publish(unit(5, false));
        drain();
        List<RtpFrame> seen = early.frames();
        assertEquals(5, seen.size(), "cached 1, 2; early 3; live 4, 5");
        assertTrue(seen.stream().skip(3).allMatch(f -> ((io.tributary.engine.frame.PooledFrame) f).references() > 0),
                "the cached GOP (4, 5) is still held for new readers");
        onLoop(() -> {
            first.stop(false);
            return null;
        });
        stream.end();
        drain();
        for (RtpFrame frame : seen) {
            assertEquals(0, ((io.tributary.engine.frame.PooledFrame) frame).references(), "released: " + frame);
        }
    }

    @Test
    void framesALoopCannotTakeAreReleasedAtOnce() {
        ScheduledExecutorService stalled = Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        stalled.execute(() -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            ReaderGroup group = new ReaderGroup(stalled);
            List<LiveFrame> offered = new ArrayList<>();
            LiveTrack track = new LiveTrack(VIDEO.tracks().get(0), 96);
            for (int n = 0; n < ReaderGroup.MAX_PENDING_FRAMES + 10; n++) {
                LiveFrame frame = track.frame(n, unit(n, false), TWO_PACKETS);
                offered.add(frame);
                group.offer(frame);
            }
            for (LiveFrame frame : offered.subList(ReaderGroup.MAX_PENDING_FRAMES, offered.size())) {
                assertEquals(0, frame.references(), "dropped on overflow, released");
            }
            assertEquals(1, offered.get(0).references(), "queued, held by the group");
            stalled.shutdownNow();
            group.offer(track.frame(999, unit(9, false), TWO_PACKETS)); // rejected by the stopped loop
            hold.countDown();
        } finally {
            stalled.shutdownNow();
        }
    }

    @Test
    void theFrameIntervalIsLearnedFromTheTimestampsToPaceLargeFrames() {
        LiveTrack track = new LiveTrack(VIDEO.tracks().get(0), 96);
        LiveFrame last = null;
        for (int n = 0; n < 40; n++) {
            if (last != null) {
                last.release();
            }
            last = track.frame(n, unit(n, n == 0), TWO_PACKETS); // 3600 ticks apart at 90 kHz: 40 ms
        }
        assertTrue(Math.abs(last.frameIntervalNanos() - 40_000_000L) < 1_000_000L, "learned " + last.frameIntervalNanos());
        last.release();
    }
}
