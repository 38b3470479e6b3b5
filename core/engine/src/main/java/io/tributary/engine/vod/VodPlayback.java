package io.tributary.engine.vod;

import io.netty.buffer.ByteBuf;
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
 * Samples come packetized from the shared {@link SampleCache}; this class only adds the
 * session's RTP headers. Confined to the session's event loop.
 */
public final class VodPlayback implements Playback {
    private static final Logger LOG = LoggerFactory.getLogger(VodPlayback.class);
    private static final long MAX_WAKE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long SENDER_REPORT_SECONDS = 5;
    private static final int MAX_PENDING = 512;
    private static final String CNAME = "tributary";

    /** What a set-up track needs to play. */
    public record Output(int track, int payloadType, long ssrc, TrackSink sink, Packetizer packetizer) {
    }

    private record Pending(CompletableFuture<PacketizedSample> sample, long loopOffset, long due) {
    }

    private static final class TrackOut {
        final int track;
        final int clockRate;
        final int sampleCount;
        final long loopLength;
        final TrackSink sink;
        final Packetizer packetizer;
        final TrackTimeline timeline;
        final ArrayDeque<Pending> pending = new ArrayDeque<>();
        int nextIndex;
        long loopOffset;
        long startClock;
        boolean exhausted;
        boolean sent;

        TrackOut(Output output, int clockRate, int sampleCount, long loopLength) {
            this.track = output.track();
            this.clockRate = clockRate;
            this.sampleCount = sampleCount;
            this.loopLength = loopLength;
            this.sink = output.sink();
            this.packetizer = output.packetizer();
            this.timeline = new TrackTimeline(output.payloadType(), output.ssrc());
        }

        long mediaNow(long elapsedNanos) {
            return startClock + elapsedNanos * clockRate / 1_000_000_000L;
        }
    }

    private final SharedSource source;
    private final SeekableSource media;
    private final SampleCache cache;
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
    private ScheduledFuture<?> tick;
    private ScheduledFuture<?> reports;
    private long droppedPackets;

    /**
     * @param onFailure called (on the loop) when a sample cannot be read: the session should end
     */
    public VodPlayback(SharedSource source, SampleCache cache, List<Output> outputs, ScheduledExecutorService loop,
                       Consumer<Throwable> onFailure) {
        this.source = source;
        this.media = source.seekable();
        this.cache = cache;
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
            starts.add(new TrackStart(t.track, t.timeline.nextSequence(), t.timeline.rtpTime(t.startClock)));
        }
        tick = loop.schedule(this::tick, 0, TimeUnit.NANOSECONDS);
        reports = loop.scheduleAtFixedRate(this::sendReports, 0, SENDER_REPORT_SECONDS, TimeUnit.SECONDS);
        return new Start(startNpt, starts);
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
        return playing ? startNpt + (System.nanoTime() - wallStart) / 1e9 : pausedNpt;
    }

    public boolean playing() {
        return playing;
    }

    /** RTP packets sent so far (read from other threads: approximate). */
    @Override
    public long packetsSent() {
        long sum = 0;
        for (TrackOut t : tracks) {
            sum += t.timeline.packetCount();
        }
        return sum;
    }

    /** RTP payload bytes sent so far (read from other threads: approximate). */
    @Override
    public long bytesSent() {
        long sum = 0;
        for (TrackOut t : tracks) {
            sum += t.timeline.octetCount();
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
            t.loopOffset = 0;
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
                t.loopOffset += t.loopLength;
            }
            long due = media.decodeTime(t.track, t.nextIndex) + t.loopOffset;
            if (due > horizon && !t.pending.isEmpty()) {
                return;
            }
            t.pending.add(new Pending(cache.get(source, t.track, t.nextIndex, t.packetizer), t.loopOffset, due));
            t.nextIndex++;
        }
    }

    private void tick() {
        if (!playing) {
            return;
        }
        long now = System.nanoTime();
        long elapsed = now - wallStart;
        long wake = now + MAX_WAKE_NANOS;
        boolean allDone = true;
        for (TrackOut t : tracks) {
            long mediaNow = t.mediaNow(elapsed);
            prefetch(t, mediaNow + t.clockRate);
            while (!t.pending.isEmpty()) {
                Pending next = t.pending.peek();
                if (next.due() > mediaNow) {
                    long dueIn = (next.due() - mediaNow) * 1_000_000_000L / t.clockRate;
                    wake = Math.min(wake, now + dueIn);
                    break;
                }
                if (!next.sample().isDone() || !t.sink.writable()) {
                    wake = Math.min(wake, now + RETRY_NANOS);
                    break;
                }
                t.pending.poll();
                if (next.sample().isCompletedExceptionally()) {
                    fail(next.sample());
                    return;
                }
                send(t, next.sample().join(), next.loopOffset());
                prefetch(t, mediaNow + t.clockRate);
            }
            if (!t.pending.isEmpty() || !t.exhausted) {
                allDone = false;
            }
        }
        for (TrackOut t : tracks) {
            if (t.sent) {
                t.sink.flush();
                t.sent = false;
            }
        }
        if (allDone) {
            endOfStream();
            return;
        }
        tick = loop.schedule(this::tick, Math.max(0, wake - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * The sample as this session's packets, in one pooled frame: one send per frame part instead
     * of one per packet (UDP GSO, one TCP write). Transports retain what they keep queued.
     */
    private void send(TrackOut t, PacketizedSample sample, long loopOffset) {
        long mediaTime = sample.presentationTime() + loopOffset;
        List<ByteBuffer> payloads = sample.payloads();
        int count = payloads.size();
        int total = sample.bytes() + count * RtpHeader.SIZE;
        ByteBuf memory = PooledFrame.allocate(total);
        ByteBuffer data = memory.nioBuffer(0, total);
        int[] offsets = new int[count];
        int[] lengths = new int[count];
        for (int i = 0; i < count; i++) {
            ByteBuffer payload = payloads.get(i).duplicate();
            offsets[i] = data.position();
            lengths[i] = RtpHeader.SIZE + payload.remaining();
            t.timeline.writeNextHeader(data, sample.markerOnLast() && i == count - 1, mediaTime, payload.remaining());
            data.put(payload);
        }
        memory.writerIndex(total);
        PooledFrame frame = PooledFrame.of(memory, offsets, lengths);
        try {
            if (!t.sink.sendFrame(frame)) {
                droppedPackets += count;
            }
        } finally {
            frame.release();
        }
        t.sent = true;
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
    }

    private void sendReports() {
        if (!playing) {
            return;
        }
        for (TrackOut t : tracks) {
            if (t.timeline.packetCount() == 0) {
                continue;
            }
            ByteBuffer report = ByteBuffer.allocate(128);
            writeSenderReport(report, t);
            t.sink.sendRtcp(report.flip());
            t.sink.flush();
        }
    }

    private void writeSenderReport(ByteBuffer dst, TrackOut t) {
        long elapsed = playing ? System.nanoTime() - wallStart : 0;
        long mediaNow = playing ? t.mediaNow(elapsed) : Math.round(pausedNpt * t.clockRate);
        RtcpSenderReport.write(dst, t.timeline.ssrc(), NtpTime.fromEpochMillis(System.currentTimeMillis()),
                t.timeline.rtpTime(mediaNow), t.timeline.packetCount(), t.timeline.octetCount(), CNAME);
    }

    /**
     * RTCP BYE as a compound packet led by a sender report (RFC 3550 §6.1): clients drop
     * RTCP that does not start with SR or RR (ffmpeg ignores anything under 12 bytes).
     */
    private void sendBye() {
        for (TrackOut t : tracks) {
            ByteBuffer bye = ByteBuffer.allocate(192);
            writeSenderReport(bye, t);
            RtcpBye.write(bye, t.timeline.ssrc());
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
