package io.tributary.engine.vod;

import io.tributary.engine.frame.PooledFrame;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * RTP numbering of a run of consecutive samples of one track, shared by every session that
 * plays them: the same SSRC, timestamps and sequence numbers for the same sample, so that a
 * sample's packets are made once and sent as they are to every reader at that position. The
 * run also keeps those frames, by sample, for as long as {@link VodFrames} lets it.
 *
 * <p>A sample's first sequence number is known once the sample before it was packetized (the
 * run grows as sessions play forward). The run holds at most {@code maxSamples}; the samples
 * after that belong to its {@linkplain #next() successor}, which continues the numbering, so
 * a session playing on (a looping file plays for ever) moves to it without a gap while memory
 * stays bounded: a run does not keep its successor alive (the sessions playing there do), and
 * a successor made again numbers exactly as the first one did. Sample indexes count on across
 * loops of a looping file.
 *
 * <p>Every session asks for every sample it sends, from either I/O thread: reads take no lock
 * (arrays are replaced before {@code known} grows, and frame slots are read with acquire
 * semantics); changes are made under the run's lock.
 */
final class NumberedRun {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(PooledFrame[].class);

    private final long ssrc;
    private final int payloadType;
    private final long timestampBase;
    private final long start;
    private final int maxSamples;
    /** First sequence number of samples {@code start} to {@code start + known - 1}. */
    private volatile char[] firstSequence = new char[64];
    /** The frames made of samples {@code start} to {@code start + known - 1}, where kept (one reference each). */
    private volatile PooledFrame[] frames = new PooledFrame[64];
    private volatile int known = 1;
    /** Once full: the first sequence number of the sample after the last one, and the run that numbers it. */
    private int following = -1;
    private WeakReference<NumberedRun> next;

    NumberedRun(long ssrc, int payloadType, long timestampBase, long start, int firstSequence, int maxSamples) {
        this.ssrc = ssrc;
        this.payloadType = payloadType;
        this.timestampBase = timestampBase;
        this.start = start;
        this.maxSamples = maxSamples;
        this.firstSequence[0] = (char) firstSequence;
    }

    long ssrc() {
        return ssrc;
    }

    int payloadType() {
        return payloadType;
    }

    /** The RTP timestamp of a media time in clock units. */
    long rtpTime(long mediaTime) {
        return (timestampBase + mediaTime) & 0xffffffffL;
    }

    /** Whether the first sequence number of sample {@code index} is known here. */
    boolean covers(long index) {
        return index >= start && index < start + known;
    }

    /** The first sequence number of sample {@code index}, which this run must cover. */
    int firstSequence(long index) {
        if (!covers(index)) {
            throw new IllegalArgumentException("sample " + index + " is not numbered by this run");
        }
        return firstSequence[(int) (index - start)];
    }

    /**
     * Records that sample {@code index} (covered) takes {@code packets} sequence numbers, which
     * numbers the sample after it when {@code index} is the last one known.
     */
    synchronized void packetized(long index, int packets) {
        if (index != start + known - 1) {
            return; // numbered already
        }
        int following = (firstSequence[known - 1] + packets) & 0xffff;
        if (known == maxSamples) {
            this.following = following;
            return;
        }
        if (known == firstSequence.length) {
            int grown = Math.min(maxSamples, known * 2);
            frames = Arrays.copyOf(frames, grown);
            firstSequence = Arrays.copyOf(firstSequence, grown);
        }
        firstSequence[known] = (char) following;
        known = known + 1; // publishes the entry (and a grown array) to lock-free readers
    }

    /** The kept frame of sample {@code index} with a reference for the caller, or null. */
    PooledFrame frame(long index) {
        PooledFrame frame = slot(index);
        return frame != null && frame.tryRetain() ? frame : null; // a dropped frame cannot be retained
    }

    /** Whether the frame of sample {@code index} is kept. */
    boolean hasFrame(long index) {
        return slot(index) != null;
    }

    private PooledFrame slot(long index) {
        return covers(index) ? (PooledFrame) SLOT.getAcquire(frames, (int) (index - start)) : null;
    }

    /** Keeps {@code frame} (taking over one reference) as sample {@code index}'s, which must be covered. */
    synchronized void keep(long index, PooledFrame frame) {
        int slot = (int) (index - start);
        if (!covers(index) || frames[slot] != null) {
            throw new IllegalStateException("sample " + index + " is not numbered here or has a frame");
        }
        SLOT.setRelease(frames, slot, frame);
    }

    /** Lets the frame of sample {@code index} go (its reference released). */
    synchronized void drop(long index) {
        int slot = (int) (index - start);
        PooledFrame frame = frames[slot];
        SLOT.setRelease(frames, slot, (PooledFrame) null);
        if (frame != null) {
            frame.release();
        }
    }

    /**
     * A run from sample {@code index} on whose numbering follows on from {@code sequence}, with
     * this run's SSRC and timestamps: for a session that seeks, whose next packet must follow its
     * last one (ffmpeg drops the first packet after a jump in sequence numbers: a keyframe's start).
     */
    NumberedRun continueAt(long index, int sequence) {
        return new NumberedRun(ssrc, payloadType, timestampBase, index, sequence, maxSamples);
    }

    /** The run that continues this one once it is full, or null while it is not. */
    synchronized NumberedRun next() {
        if (following < 0) {
            return null;
        }
        NumberedRun run = next == null ? null : next.get();
        if (run == null) {
            run = new NumberedRun(ssrc, payloadType, timestampBase, start + known, following, maxSamples);
            next = new WeakReference<>(run);
        }
        return run;
    }

    /** The run of this chain that numbers {@code index}, or null when none does yet. */
    NumberedRun find(long index) {
        NumberedRun run = this;
        while (run != null && !run.covers(index)) {
            run = index >= run.start ? run.next() : null;
        }
        return run;
    }
}
