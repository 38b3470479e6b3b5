package io.tributary.sources.file.internal.mp4;

import io.tributary.sources.file.internal.container.SyncSamples;
import java.util.Arrays;

/**
 * Where each sample of a track lies and when it plays, in the track's media timescale and in
 * decode order. Compact: an offset and a size per sample (12 bytes), a composition offset per
 * sample only when the track has one ({@code ctts}), decode times as runs of equal durations
 * ({@code stts}), and the sync samples as a sorted index list ({@code stss}). Fragmented
 * tracks fill the same arrays through a {@link SampleTableBuilder}. Immutable.
 */
final class SampleTable {
    private final long[] offsets;
    private final int[] sizes;
    private final int[] runFirstSample;
    private final long[] runFirstTime;
    private final int[] runDelta;
    private final int[] compositionOffsets;
    private final SyncSamples sync;
    private final long totalBytes;
    private final int minCompositionOffset;

    /**
     * @param runFirstSample     first sample of each decode-time run, ascending, starting at 0
     * @param runFirstTime       decode time of each run's first sample
     * @param runDelta           duration of each sample of a run
     * @param compositionOffsets per-sample composition offsets, or {@code null} when all are 0
     * @param sync               the sync samples ({@code stss})
     */
    SampleTable(long[] offsets, int[] sizes, int[] runFirstSample, long[] runFirstTime, int[] runDelta,
                int[] compositionOffsets, SyncSamples sync) {
        this.offsets = offsets;
        this.sizes = sizes;
        this.runFirstSample = runFirstSample;
        this.runFirstTime = runFirstTime;
        this.runDelta = runDelta;
        this.compositionOffsets = compositionOffsets;
        this.sync = sync;
        long bytes = 0;
        for (int size : sizes) {
            bytes += size;
        }
        this.totalBytes = bytes;
        int min = 0;
        if (compositionOffsets != null) {
            for (int offset : compositionOffsets) {
                min = Math.min(min, offset);
            }
        }
        this.minCompositionOffset = min;
    }

    int count() {
        return sizes.length;
    }

    long offset(int sample) {
        return offsets[sample];
    }

    int size(int sample) {
        return sizes[sample];
    }

    long totalBytes() {
        return totalBytes;
    }

    long decodeTime(int sample) {
        int run = Arrays.binarySearch(runFirstSample, sample);
        if (run < 0) {
            run = -run - 2;
        }
        return runFirstTime[run] + (long) (sample - runFirstSample[run]) * runDelta[run];
    }

    /** The end of the last sample's decode duration: the media duration. */
    long endTime() {
        int last = runDelta.length - 1;
        return last < 0 ? 0 : runFirstTime[last] + (long) (count() - runFirstSample[last]) * runDelta[last];
    }

    int compositionOffset(int sample) {
        return compositionOffsets == null ? 0 : compositionOffsets[sample];
    }

    /** The smallest composition offset (negative with {@code ctts} version 1), or 0. */
    int minCompositionOffset() {
        return minCompositionOffset;
    }

    /** The sync samples ({@code stss}), all when the table has none. */
    SyncSamples sync() {
        return sync;
    }
}
