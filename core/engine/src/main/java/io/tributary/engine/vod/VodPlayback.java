package io.tributary.engine.vod;

import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.source.SeekableSource;
import io.tributary.api.transport.TrackSink;
import io.tributary.engine.frame.PooledFrame;
import io.tributary.engine.path.SharedSource;
import io.tributary.engine.session.Playback;
import io.tributary.rtsp.rtp.NtpTime;
import io.tributary.rtsp.rtp.RtcpBye;
import io.tributary.rtsp.rtp.RtcpSenderReport;
import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timeline of one VOD session: which sample of each track goes out when, paced by
 * decode time against the wall clock, with seek, pause/resume, looping and end of stream.
 * Samples go out as the frames every session at the same position shares ({@link VodFrames}).
 * Confined to the session's event loop.
 */
public final class VodPlayback implements Playback {
    private static final Logger LOG = LoggerFactory.getLogger(VodPlayback.class);
    private static final long MAX_WAKE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /**
     * Samples go out up to this much before they are due, so that one wake-up and one write
     * carry about 100 ms of every track instead of a frame of one (eight times fewer TCP writes
     * and timer events per reader of a 30 fps video with 47 audio frames a second); players
     * buffer far more than that (GStreamer 2 s, ffmpeg's reorder queue is by sequence number).
     */
    static final long SEND_AHEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long SENDER_REPORT_SECONDS = 5;
    private static final int MAX_PENDING = 512;
    private static final String CNAME = "tributary";

    /** What a set-up track needs to play. */
    public record Output(int track, int payloadType, TrackSink sink, Packetizer packetizer) {
    }

    /** A sample to send; {@code index} counts on across loops (the numbering's index). */
    private static final class Pending {
        final int sample;
        final long index;
        final long loopOffset;
        final long due;
        /** The sample's payloads, asked for when no session's frame of it is kept. */
        CompletableFuture<PacketizedSample> payloads;

        Pending(int sample, long index, long loopOffset, long due) {
            this.sample = sample;
            this.index = index;
            this.loopOffset = loopOffset;
            this.due = due;
        }
    }

    private static final class TrackOut {
        final int track;
        final int payloadType;
        final int clockRate;
        final int sampleCount;
        final long loopLength;
        final TrackSink sink;
        final Packetizer packetizer;
        final ArrayDeque<Pending> pending = new ArrayDeque<>();
        /** Numbers this session's samples of the track; null until the first play. */
        NumberedRun run;
        int nextIndex;
        int loops;
        long loopOffset;
        /** What this session sent, for its sender reports (read from other threads: approximate). */
        volatile long packetCount;
        volatile long octetCount;
        long startClock;
        /** Media time at which the last sample sent is due. */
        long lastDue;
        /** The sequence number after the last packet sent; -1 before the first. */
        int nextSequence = -1;
        boolean exhausted;
        boolean sent;

        TrackOut(Output output, int clockRate, int sampleCount, long loopLength) {
            this.track = output.track();
            this.payloadType = output.payloadType();
            this.clockRate = clockRate;
            this.sampleCount = sampleCount;
            this.loopLength = loopLength;
            this.sink = output.sink();
            this.packetizer = output.packetizer();
        }

        /** The index of the next sample in the numbering (loops included). */
        long nextNumbered() {
            return pending.isEmpty() ? (long) loops * sampleCount + nextIndex : pending.peek().index;
        }

        long mediaNow(long elapsedNanos) {
            return startClock + elapsedNanos * clockRate / 1_000_000_000L;
        }
    }

    private final SharedSource source;
    private final SeekableSource media;
    private final VodFrames frames;
    private final ScheduledExecutorService loop;
    private final Consumer<Throwable> onFailure;
    private final boolean looping;
    private final List<TrackOut> tracks = new ArrayList<>();
    private final int referenceTrack;
    private boolean playing;
    private boolean started;
    private boolean endOfStreamSent;
    private double startNpt;
    private double pausedNpt;
    private long wallStart;
    /** Delivery rate (RTSP Speed, RFC 2326 §12.35): media seconds sent per wall second; timestamps are unchanged. */
    private double speed = 1;
    private ScheduledFuture<?> tick;
    private ScheduledFuture<?> reports;
    private long droppedPackets;
    /** Told when a non-looping media has been sent to its end, on the loop (RTSP 2.0 PLAY_NOTIFY). */
    private Runnable onEndOfStream = () -> { };

    /**
     * @param onFailure called (on the loop) when a sample cannot be read: the session should end
     */
    public VodPlayback(SharedSource source, VodFrames frames, List<Output> outputs, ScheduledExecutorService loop,
                       Consumer<Throwable> onFailure) {
        this.source = source;
        this.media = source.seekable();
        this.frames = frames;
        this.loop = loop;
        this.onFailure = onFailure;
        MediaDescription description = source.description();
        this.looping = description.looping();
        int reference = -1;
        for (Output output : outputs) {
            TrackDescription track = description.tracks().get(output.track());
            int rate = track.encoding().clockRate();
            long loopLength = description.duration() == null ? 0
                    : Math.round(description.duration().toNanos() / 1e9 * rate);
            tracks.add(new TrackOut(output, rate, media.sampleCount(output.track()), loopLength));
            if (reference < 0 && track.type() == MediaType.VIDEO) {
                reference = tracks.size() - 1;
            }
        }
        this.referenceTrack = Math.max(reference, 0);
    }

    /**
     * Starts or resumes playing.
     *
     * @param requestedNpt where to start, or null to resume where paused (or start at 0)
     */
    @Override
    public Start play(Double requestedNpt) {
        if (playing) {
            pausedNpt = position(); // a PLAY while playing (a new Speed) goes on from here
        }
        cancelTimers();
        if (requestedNpt != null && !looping) {
            seek(requestedNpt);
        } else if (!started) {
            seek(0);
        } else {
            startNpt = pausedNpt;
            for (TrackOut t : tracks) {
                t.startClock = Math.round(startNpt * t.clockRate);
            }
        }
        started = true;
        playing = true;
        endOfStreamSent = false;
        wallStart = System.nanoTime();
        List<TrackStart> starts = new ArrayList<>();
        for (TrackOut t : tracks) {
            long next = t.nextNumbered();
            t.run = runFor(t, next);
            starts.add(new TrackStart(t.track, t.run.firstSequence(next), t.run.rtpTime(t.startClock)));
        }
        tick = loop.schedule(this::tick, 0, TimeUnit.NANOSECONDS);
        reports = loop.scheduleAtFixedRate(this::sendReports, 0, SENDER_REPORT_SECONDS, TimeUnit.SECONDS);
        return new Start(startNpt, starts);
    }

    /** Sets the delivery rate for the next {@link #play} (1: real time). */
    public void speed(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("speed " + value);
        }
        speed = value;
    }

    /** Media time played since {@code wallStart}, in nanoseconds. */
    private long elapsedMedia(long now) {
        return speed == 1 ? now - wallStart : Math.round((now - wallStart) * speed);
    }

    /** Who is told when the media ends (after the RTCP BYE); set before {@link #play}. */
    public void onEndOfStream(Runnable listener) {
        onEndOfStream = listener;
    }

    /** Stops sending and keeps the position; returns it (npt seconds). */
    @Override
    public double pause() {
        if (playing) {
            pausedNpt = position();
            playing = false;
            cancelTimers();
        }
        return pausedNpt;
    }

    /** The current position in npt seconds (continuous across loops). */
    public double position() {
        return playing ? startNpt + elapsedMedia(System.nanoTime()) / 1e9 : pausedNpt;
    }

    public boolean playing() {
        return playing;
    }

    /** RTP packets sent so far (read from other threads: approximate). */
    @Override
    public long packetsSent() {
        long sum = 0;
        for (TrackOut t : tracks) {
            sum += t.packetCount;
        }
        return sum;
    }

    /** RTP payload bytes sent so far (read from other threads: approximate). */
    @Override
    public long bytesSent() {
        long sum = 0;
        for (TrackOut t : tracks) {
            sum += t.octetCount;
        }
        return sum;
    }

    /** Packets refused by slow sinks so far. */
    @Override
    public long droppedPackets() {
        return droppedPackets;
    }

    /** Ends playback for good, with RTCP BYE on each track when {@code bye}. */
    @Override
    public void stop(boolean bye) {
        playing = false;
        cancelTimers();
        if (bye && !endOfStreamSent) {
            sendBye();
        }
        for (TrackOut t : tracks) {
            t.pending.clear();
        }
    }

    private void seek(double npt) {
        TrackOut reference = tracks.get(referenceTrack);
        int key = media.seekIndex(reference.track, Math.round(npt * reference.clockRate));
        long keyTime = media.sampleCount(reference.track) == 0 ? 0 : media.presentationTime(reference.track, key);
        startNpt = Math.max(0, keyTime / (double) reference.clockRate);
        for (TrackOut t : tracks) {
            t.pending.clear();
            t.loops = 0;
            t.loopOffset = 0;
            t.lastDue = 0;
            t.exhausted = false;
            t.startClock = Math.round(startNpt * t.clockRate);
            t.nextIndex = t == reference ? key : media.seekIndex(t.track, t.startClock);
        }
    }

    private void prefetch(TrackOut t, long horizon) {
        while (!t.exhausted && t.pending.size() < MAX_PENDING) {
            if (t.nextIndex >= t.sampleCount) {
                if (!looping || t.loopLength <= 0) {
                    t.exhausted = true;
                    return;
                }
                t.nextIndex = 0;
                t.loops++;
                t.loopOffset += t.loopLength;
            }
            long due = media.decodeTime(t.track, t.nextIndex) + t.loopOffset;
            if (due > horizon && !t.pending.isEmpty()) {
                return;
            }
            Pending next = new Pending(t.nextIndex, (long) t.loops * t.sampleCount + t.nextIndex, t.loopOffset, due);
            NumberedRun run = t.run == null ? null : t.run.find(next.index);
            if (run == null || !run.hasFrame(next.index)) {
                // read ahead unless another session's frame is there (then it is sent as it is)
                next.payloads = frames.sample(source, t.track, next.sample, t.packetizer);
            }
            t.pending.add(next);
            t.nextIndex++;
        }
    }

    private void tick() {
        if (!playing) {
            return;
        }
        long now = System.nanoTime();
        long elapsed = elapsedMedia(now);
        long wake = now + MAX_WAKE_NANOS;
        boolean allDone = true;
        long lastDueIn = 0;
        for (TrackOut t : tracks) {
            long mediaNow = t.mediaNow(elapsed);
            long sendUpTo = t.mediaNow(elapsed + SEND_AHEAD_NANOS);
            prefetch(t, mediaNow + t.clockRate);
            while (!t.pending.isEmpty()) {
                Pending next = t.pending.peek();
                if (next.due > sendUpTo) {
                    long dueIn = Math.round((next.due - mediaNow) * 1e9 / t.clockRate / speed);
                    wake = Math.min(wake, now + dueIn);
                    break;
                }
                PooledFrame frame = t.sink.writable() ? frameOf(t, next) : null;
                if (frame == null) {
                    if (next.payloads != null && next.payloads.isCompletedExceptionally()) {
                        fail(next.payloads);
                        return;
                    }
                    wake = Math.min(wake, now + RETRY_NANOS); // the sink is full, or the sample is still being read
                    break;
                }
                t.pending.poll();
                send(t, frame);
                t.lastDue = next.due;
                prefetch(t, mediaNow + t.clockRate);
            }
            if (!t.pending.isEmpty() || !t.exhausted) {
                allDone = false;
            }
            lastDueIn = Math.max(lastDueIn, Math.round((t.lastDue - mediaNow) * 1e9 / t.clockRate / speed));
        }
        for (TrackOut t : tracks) {
            if (t.sent) {
                t.sink.flush();
                t.sent = false;
            }
        }
        if (allDone && lastDueIn <= 0) {
            endOfStream();
            return;
        }
        if (allDone) {
            wake = now + lastDueIn; // the end is told once the last sample is due, not ahead of it
        }
        tick = loop.schedule(this::tick, Math.max(0, wake - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * The sample as one frame of packets (one UDP GSO send per frame part, one TCP write): the
     * frame another session at this sample made, else made now. Null while the sample is read.
     */
    private PooledFrame frameOf(TrackOut t, Pending next) {
        t.run = runFor(t, next.index);
        PooledFrame frame = frames.kept(t.run, next.index);
        if (frame == null) {
            if (next.payloads == null) {
                next.payloads = frames.sample(source, t.track, next.sample, t.packetizer);
            }
            if (!next.payloads.isDone() || next.payloads.isCompletedExceptionally()) {
                return null;
            }
            frame = frames.frame(t.run, next.index, next.payloads.join(), next.loopOffset);
        }
        t.nextSequence = (t.run.firstSequence(next.index) + frame.packetCount()) & 0xffff;
        return frame;
    }

    /** Sends a frame and gives its reference back; transports retain what they keep queued. */
    private void send(TrackOut t, PooledFrame frame) {
        try {
            if (!t.sink.sendFrame(frame)) {
                droppedPackets += frame.packetCount();
            }
            t.packetCount += frame.packetCount();
            t.octetCount += frame.size() - (long) frame.packetCount() * RtpHeader.SIZE;
        } finally {
            frame.release();
        }
        t.sent = true;
    }

    /**
     * The run that numbers sample {@code index} for this session: its own run (or that run's
     * successor) as it plays on; at the start, one shared with the sessions already there; after a
     * seek, one whose sequence numbers follow on from the last packet sent.
     */
    private NumberedRun runFor(TrackOut t, long index) {
        NumberedRun run = t.run == null ? null : t.run.find(index);
        if (run != null && (t.nextSequence < 0 || run.firstSequence(index) == t.nextSequence)) {
            return run;
        }
        return t.nextSequence < 0 ? frames.join(source, t.track, t.payloadType, index)
                : frames.continueAt(source, t.track, t.run, index, t.nextSequence);
    }

    private void fail(CompletableFuture<PacketizedSample> sample) {
        Throwable cause = sample.handle((s, e) -> e).join();
        LOG.warn("cannot read media of {}: {}", source.path(), cause.toString());
        stop(true);
        onFailure.accept(cause);
    }

    /** The end of a non-looping media: RTCP BYE tells clients (ffmpeg, GStreamer) to finish. */
    private void endOfStream() {
        pausedNpt = position();
        playing = false;
        cancelTimers();
        sendBye();
        endOfStreamSent = true;
        onEndOfStream.run();
    }

    private void sendReports() {
        if (!playing) {
            return;
        }
        for (TrackOut t : tracks) {
            if (t.packetCount == 0) {
                continue;
            }
            ByteBuffer report = ByteBuffer.allocate(128);
            writeSenderReport(report, t);
            t.sink.sendRtcp(report.flip());
            t.sink.flush();
        }
    }

    private void writeSenderReport(ByteBuffer dst, TrackOut t) {
        long elapsed = playing ? elapsedMedia(System.nanoTime()) : 0;
        long mediaNow = playing ? t.mediaNow(elapsed) : Math.round(pausedNpt * t.clockRate);
        RtcpSenderReport.write(dst, t.run.ssrc(), NtpTime.fromEpochMillis(System.currentTimeMillis()),
                t.run.rtpTime(mediaNow), t.packetCount, t.octetCount, CNAME);
    }

    /**
     * RTCP BYE as a compound packet led by a sender report (RFC 3550 §6.1): clients drop
     * RTCP that does not start with SR or RR (ffmpeg ignores anything under 12 bytes).
     */
    private void sendBye() {
        for (TrackOut t : tracks) {
            if (t.run == null) {
                continue; // never played
            }
            ByteBuffer bye = ByteBuffer.allocate(192);
            writeSenderReport(bye, t);
            RtcpBye.write(bye, t.run.ssrc());
            t.sink.sendRtcp(bye.flip());
            t.sink.flush();
        }
    }

    private void cancelTimers() {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        if (reports != null) {
            reports.cancel(false);
            reports = null;
        }
    }
}
