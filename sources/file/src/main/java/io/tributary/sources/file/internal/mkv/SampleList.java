package io.tributary.sources.file.internal.mkv;

import java.util.Arrays;

/**
 * The frames of one track as the Clusters are indexed, in file (decode) order: where each lies,
 * its presentation time in nanoseconds and whether it is a keyframe. Compact growable arrays
 * (21 bytes a frame). Laced frames of a block with no known duration get their times when the
 * next block's time is known ({@link #finish}). Filled by one thread.
 */
final class SampleList {
    private static final int INITIAL = 256;

    private long[] offsets = new long[INITIAL];
    private int[] sizes = new int[INITIAL];
    private long[] times = new long[INITIAL];
    private boolean[] keyframes = new boolean[INITIAL];
    private int count;
    /** Laced blocks without a duration: first frame and frame count, pairs. */
    private int[] pending = new int[0];
    private int pendingCount;
    private long maxTime = Long.MIN_VALUE;
    private long maxEnd = Long.MIN_VALUE;

    int count() {
        return count;
    }

    /**
     * @param time the frame's presentation time in ns
     * @param end  when it stops playing, {@code time} when unknown
     */
    void add(long offset, int size, long time, long end, boolean keyframe) {
        if (count == sizes.length) {
            int capacity = count * 2;
            offsets = Arrays.copyOf(offsets, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            times = Arrays.copyOf(times, capacity);
            keyframes = Arrays.copyOf(keyframes, capacity);
        }
        offsets[count] = offset;
        sizes[count] = size;
        times[count] = time;
        keyframes[count] = keyframe;
        count++;
        maxTime = Math.max(maxTime, time);
        maxEnd = Math.max(maxEnd, end);
    }

    /** The last {@code frames} frames came from one laced block of unknown duration, all at its time. */
    void spreadLater(int frames) {
        if (pendingCount * 2 == pending.length) {
            pending = Arrays.copyOf(pending, Math.max(16, pending.length * 2));
        }
        pending[pendingCount * 2] = count - frames;
        pending[pendingCount * 2 + 1] = frames;
        pendingCount++;
    }

    /**
     * Spreads the frames of laced blocks of unknown duration evenly up to the next block's time
     * (the last such block: at the spacing of the one before, else all at the block's time).
     */
    void finish() {
        long lastSpan = 0;
        for (int p = 0; p < pendingCount; p++) {
            int first = pending[2 * p];
            int frames = pending[2 * p + 1];
            long start = times[first];
            int next = first + frames;
            long span = next < count && times[next] > start ? times[next] - start : lastSpan;
            for (int k = 1; k < frames; k++) {
                times[first + k] = start + span / frames * k + span % frames * k / frames;
            }
            maxEnd = Math.max(maxEnd, start + span);
            lastSpan = span;
        }
        pendingCount = 0;
    }

    long offset(int i) {
        return offsets[i];
    }

    int size(int i) {
        return sizes[i];
    }

    long time(int i) {
        return times[i];
    }

    boolean keyframe(int i) {
        return keyframes[i];
    }

    /**
     * When the track stops playing, in ns: the end of the last frame when durations are known,
     * else the latest time plus the average frame spacing.
     */
    long end(long defaultDuration) {
        if (count == 0) {
            return 0;
        }
        long spacing = defaultDuration > 0 ? defaultDuration
                : count > 1 ? (maxTime - Arrays.stream(times, 0, count).min().orElse(maxTime)) / (count - 1) : 0;
        return Math.max(maxEnd, maxTime + spacing);
    }
}
