package io.tributary.sources.file.internal.mp4;

import io.tributary.sources.file.internal.container.SyncSamples;
import java.util.Arrays;

/**
 * Collects the samples of a fragmented track one by one, in decode order, into the compact
 * arrays of a {@link SampleTable}: equal durations that follow on without a gap share a
 * decode-time run, composition offsets are kept only once one is not 0, and sync samples only
 * once one sample is not sync. Not thread-safe; used by one indexing pass.
 */
final class SampleTableBuilder {
    private static final int INITIAL_CAPACITY = 256;

    private long[] offsets = new long[INITIAL_CAPACITY];
    private int[] sizes = new int[INITIAL_CAPACITY];
    private int[] compositionOffsets;
    private final SyncSamples.Builder sync = new SyncSamples.Builder();
    private int count;
    private int[] runFirstSample = new int[16];
    private long[] runFirstTime = new long[16];
    private int[] runDelta = new int[16];
    private int runs;

    /** A builder that continues the samples of a movie box's sample table. */
    static SampleTableBuilder continuing(SampleTable table) {
        SampleTableBuilder builder = new SampleTableBuilder();
        int n = table.count();
        for (int i = 0; i < n; i++) {
            long time = table.decodeTime(i);
            long next = i + 1 < n ? table.decodeTime(i + 1) : table.endTime();
            builder.add(table.offset(i), table.size(i), time, (int) (next - time), table.compositionOffset(i),
                    table.sync().contains(i));
        }
        return builder;
    }

    int count() {
        return count;
    }

    /** The decode time that follows the last sample: where a fragment without {@code tfdt} starts. */
    long endTime() {
        int last = runs - 1;
        return last < 0 ? 0 : runFirstTime[last] + (long) (count - runFirstSample[last]) * runDelta[last];
    }

    /**
     * Appends a sample.
     *
     * @param decodeTime not before {@link #endTime()}
     * @param duration   0 or more
     */
    void add(long offset, int size, long decodeTime, int duration, int compositionOffset, boolean sync) {
        if (count == offsets.length) {
            int capacity = 2 * count;
            offsets = Arrays.copyOf(offsets, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            if (compositionOffsets != null) {
                compositionOffsets = Arrays.copyOf(compositionOffsets, capacity);
            }
        }
        if (runs == 0 || runDelta[runs - 1] != duration || endTime() != decodeTime) {
            if (runs == runDelta.length) {
                runFirstSample = Arrays.copyOf(runFirstSample, 2 * runs);
                runFirstTime = Arrays.copyOf(runFirstTime, 2 * runs);
                runDelta = Arrays.copyOf(runDelta, 2 * runs);
            }
            runFirstSample[runs] = count;
            runFirstTime[runs] = decodeTime;
            runDelta[runs++] = duration;
        }
        if (compositionOffset != 0 && compositionOffsets == null) {
            compositionOffsets = new int[offsets.length];
        }
        if (compositionOffsets != null) {
            compositionOffsets[count] = compositionOffset;
        }
        if (sync) {
            this.sync.add(count);
        }
        offsets[count] = offset;
        sizes[count++] = size;
    }

    SampleTable build() {
        return new SampleTable(Arrays.copyOf(offsets, count), Arrays.copyOf(sizes, count),
                Arrays.copyOf(runFirstSample, runs), Arrays.copyOf(runFirstTime, runs), Arrays.copyOf(runDelta, runs),
                compositionOffsets == null ? null : Arrays.copyOf(compositionOffsets, count),
                sync.build(count));
    }
}
