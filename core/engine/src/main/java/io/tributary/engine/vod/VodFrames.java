package io.tributary.engine.vod;

import io.netty.buffer.ByteBuf;
import io.tributary.api.payload.Packetizer;
import io.tributary.engine.frame.PooledFrame;
import io.tributary.engine.path.SharedSource;
import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * File samples as finished RTP frames, shared by every session at the same position of the
 * same file: sessions of a track share its numbering ({@link NumberedRun}: one SSRC, and the
 * same sequence numbers and timestamps for the same sample), so a sample's packets, headers
 * included, are written once into pooled memory, kept by their run (bounded by bytes and age,
 * oldest first out) and handed as they are to every reader that reaches that sample; TCP readers
 * share the interleaved layout the frame makes once per channel. A thousand readers of one
 * file then cost one copy of each sample, not a thousand.
 *
 * <p>A session joins a run that already numbers the sample it starts at (every reader that
 * starts a file at the beginning, or seeks to a keyframe others played through), else starts
 * a new run there. Runs per track are bounded; an evicted run goes on serving its sessions.
 */
public final class VodFrames {
    /** Runs per track that new sessions can join. */
    static final int RUNS_PER_TRACK = 8;
    /** Samples per run before its successor takes over (64 Ki: 128 KiB of sequence numbers). */
    static final int SAMPLES_PER_RUN = 1 << 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record TrackKey(SharedSource source, int track, int payloadType) {
    }

    /** A kept frame, in the order they were made. */
    private record Kept(NumberedRun run, long index, long bytes, long madeAt) {
    }

    /** The runs of one track of an open file, most recently joined first. */
    private static final class TrackRuns {
        final long ssrc = RANDOM.nextInt() & 0xffffffffL;
        final ArrayDeque<NumberedRun> runs = new ArrayDeque<>();
    }

    private final SampleCache samples;
    private final int samplesPerRun;
    private final Map<TrackKey, TrackRuns> tracks = new ConcurrentHashMap<>();
    private final long maxBytes;
    private final long maxAgeNanos;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private long keptBytes;
    private final LongAdder made = new LongAdder();

    /**
     * @param samples  packetized samples (the payloads frames are made from)
     * @param maxBytes memory for frames, interleaved layouts included
     */
    public VodFrames(SampleCache samples, long maxBytes) {
        this(samples, maxBytes, Duration.ofSeconds(30), SAMPLES_PER_RUN);
    }

    /** @param maxAge how long a frame is kept for sessions that come later (see {@link #sweep}) */
    VodFrames(SampleCache samples, long maxBytes, Duration maxAge, int samplesPerRun) {
        this.samples = samples;
        this.maxBytes = maxBytes;
        this.maxAgeNanos = maxAge.toNanos();
        this.samplesPerRun = samplesPerRun;
    }

    /** A packetized sample, loaded off the caller's thread when no session asked for it yet. */
    CompletableFuture<PacketizedSample> sample(SharedSource source, int track, int index, Packetizer packetizer) {
        return samples.get(source, track, index, packetizer);
    }

    /** The SSRC every session of this file sends the track with (stable while the file is open). */
    public long ssrc(SharedSource source, int track, int payloadType) {
        return runs(source, track, payloadType).ssrc;
    }

    /** The run that numbers sample {@code index} for a session starting (or seeking) there. */
    NumberedRun join(SharedSource source, int track, int payloadType, long index) {
        TrackRuns joinable = runs(source, track, payloadType);
        synchronized (joinable) {
            for (NumberedRun head : joinable.runs) {
                NumberedRun run = head.find(index);
                if (run != null) {
                    joinable.runs.remove(head);
                    joinable.runs.addFirst(head);
                    return run;
                }
            }
            return add(joinable, new NumberedRun(joinable.ssrc, payloadType, RANDOM.nextInt() & 0xffffffffL, index,
                    RANDOM.nextInt(0x10000), samplesPerRun));
        }
    }

    /**
     * A run from sample {@code index} on that continues a session's numbering ({@code from}'s
     * SSRC and timestamps, {@code sequence} next), for a session that seeks; later sessions
     * starting there join it.
     */
    NumberedRun continueAt(SharedSource source, int track, NumberedRun from, long index, int sequence) {
        TrackRuns joinable = runs(source, track, from.payloadType());
        synchronized (joinable) {
            return add(joinable, from.continueAt(index, sequence));
        }
    }

    private static NumberedRun add(TrackRuns joinable, NumberedRun run) {
        joinable.runs.addFirst(run);
        if (joinable.runs.size() > RUNS_PER_TRACK) {
            joinable.runs.removeLast();
        }
        return run;
    }

    private TrackRuns runs(SharedSource source, int track, int payloadType) {
        TrackKey key = new TrackKey(source, track, payloadType);
        TrackRuns runs = tracks.get(key);
        if (runs != null) {
            return runs;
        }
        // a file opened (again): forget the closed ones, whose index and runs would stay otherwise
        tracks.keySet().removeIf(known -> known.source().closed());
        return tracks.computeIfAbsent(key, k -> new TrackRuns());
    }

    /** The frame of sample {@code index} if a session made it and it is still kept (with a reference for the caller). */
    PooledFrame kept(NumberedRun run, long index) {
        return run.frame(index);
    }

    /**
     * Sample {@code index} of {@code run} (which numbers it) as one frame of RTP packets, made
     * now unless a session made it already. The caller gets a reference and releases it.
     *
     * @param loopOffset added to the sample's times (a looping file's later loops)
     */
    PooledFrame frame(NumberedRun run, long index, PacketizedSample sample, long loopOffset) {
        PooledFrame frame;
        synchronized (run) {
            frame = run.frame(index);
            if (frame != null) {
                return frame;
            }
            frame = make(run, run.firstSequence(index), sample, loopOffset);
            run.packetized(index, frame.packetCount());
            run.keep(index, frame.retain()); // the run's reference
        }
        made.increment();
        // a TCP reader adds an interleaved layout of about the frame's size
        keep(new Kept(run, index, 2L * frame.size() + 256, System.nanoTime()));
        return frame;
    }

    private synchronized void keep(Kept frame) {
        kept.add(frame);
        keptBytes += frame.bytes();
        while (keptBytes > maxBytes && !kept.isEmpty()) {
            dropOldest();
        }
    }

    private void dropOldest() {
        Kept oldest = kept.poll();
        keptBytes -= oldest.bytes();
        oldest.run().drop(oldest.index());
    }

    /** Lets go of frames made longer ago than the maximum age; run now and then. */
    public synchronized void sweep() {
        long now = System.nanoTime();
        while (!kept.isEmpty() && now - kept.peek().madeAt() > maxAgeNanos) {
            dropOldest();
        }
    }

    /** Bytes of frames kept now. */
    public synchronized long keptBytes() {
        return keptBytes;
    }

    private static PooledFrame make(NumberedRun run, int firstSequence, PacketizedSample sample, long loopOffset) {
        return packets(sample, run.payloadType(), run.ssrc(), firstSequence,
                run.rtpTime(sample.presentationTime() + loopOffset));
    }

    /** A sample's payloads behind RTP headers numbered from {@code firstSequence}, in one pooled frame. */
    static PooledFrame packets(PacketizedSample sample, int payloadType, long ssrc, int firstSequence, long rtpTime) {
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
            RtpHeader.write(data, sample.markerOnLast() && i == count - 1, payloadType,
                    (firstSequence + i) & 0xffff, rtpTime, ssrc);
            data.put(payload);
        }
        memory.writerIndex(total);
        return PooledFrame.of(memory, offsets, lengths);
    }

    /** Tracks of open (or not yet forgotten) files whose numbering is known. */
    int tracksKnown() {
        return tracks.size();
    }

    /** Frames made so far (each then sent to every session that reached it while kept). */
    public long framesMade() {
        return made.sum();
    }

    /** Drops everything (a payload format changed, so packetizations are stale). */
    public void invalidateAll() {
        samples.invalidateAll();
        tracks.clear(); // numbered by the old packetization
        synchronized (this) {
            while (!kept.isEmpty()) {
                dropOldest();
            }
        }
    }
}
