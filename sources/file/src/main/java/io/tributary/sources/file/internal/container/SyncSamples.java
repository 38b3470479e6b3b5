package io.tributary.sources.file.internal.container;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Which samples of a track are sync samples (keyframes; every sample of audio), and the seek
 * over them: compact, a sorted index list, or nothing at all when every sample is one.
 * Immutable.
 */
public final class SyncSamples {
    private final int sampleCount;
    /** Indices of the sync samples, strictly ascending, or {@code null} when every sample is one. */
    private final int[] samples;

    private SyncSamples(int sampleCount, int[] samples) {
        this.sampleCount = sampleCount;
        this.samples = samples;
    }

    /** Every one of {@code sampleCount} samples is a sync sample. */
    public static SyncSamples all(int sampleCount) {
        return new SyncSamples(sampleCount, null);
    }

    /**
     * The first {@code count} entries of {@code samples} (strictly ascending sample indices) are
     * the sync samples; the array is copied.
     */
    public static SyncSamples of(int[] samples, int count) {
        return new SyncSamples(-1, Arrays.copyOf(samples, count));
    }

    public boolean contains(int sample) {
        return samples == null || Arrays.binarySearch(samples, sample) >= 0;
    }

    /** Number of sync samples. */
    public int count() {
        return samples == null ? sampleCount : samples.length;
    }

    /** The sample index of the {@code k}-th sync sample. */
    public int get(int k) {
        return samples == null ? k : samples[k];
    }

    /** Bytes the index list holds, for memory bounds. */
    public long memory() {
        return samples == null ? 0 : 4L * samples.length;
    }

    /**
     * The last sync sample presented at or before {@code time}: for video the keyframe to start
     * from, for audio (all sync) the frame playing at that time; 0 when none is. A binary search,
     * so it assumes that sync samples are presented in decode order (true of IDR and IRAP
     * pictures, Matroska keyframes and audio).
     *
     * @param presentationTime a sample's presentation time, in the unit of {@code time}
     */
    public int seekIndex(long time, IntToLongFunction presentationTime) {
        int low = 0;
        int high = count() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (presentationTime.applyAsLong(get(middle)) <= time) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found < 0 ? 0 : get(found);
    }

    /** Collects the sync samples of a track as it is indexed, in decode order. Not thread-safe. */
    public static final class Builder {
        private int[] samples = new int[16];
        private int count;

        /** @param sample the index of a sync sample, above every one added before */
        public void add(int sample) {
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, count + (count >> 1) + 16);
            }
            samples[count++] = sample;
        }

        /** The sync samples of a track of {@code sampleCount} samples: {@link #all} when every one was added. */
        public SyncSamples build(int sampleCount) {
            return count == sampleCount ? all(sampleCount) : of(samples, count);
        }
    }
}
