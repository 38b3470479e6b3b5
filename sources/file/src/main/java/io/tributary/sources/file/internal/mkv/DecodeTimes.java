package io.tributary.sources.file.internal.mkv;

import java.util.Arrays;

/**
 * Derives decode times from presentation times, which are all that Matroska stores. With
 * B-frames the i-th decode time is the (i−d)-th smallest presentation time, where the reorder
 * delay d is the least that keeps every decode time at or before its presentation time; this is
 * what ffmpeg does with the delay the H.264/H.265 parameter sets announce (for x264 the same
 * except with {@code -bf 2} and B-pyramid, where x264 announces one frame more than it uses).
 * The first d frames get times one frame step apart before the smallest presentation time.
 * Decode times come out strictly increasing (ties are moved back by one clock unit) and never
 * after their presentation time.
 */
final class DecodeTimes {
    private DecodeTimes() {
    }

    static long[] derive(long[] pts) {
        int n = pts.length;
        long[] sorted = pts.clone();
        Arrays.sort(sorted);
        int delay = 0;
        for (int i = 0; i < n; i++) {
            // the last position in sorted order whose time is not after pts[i]
            int rank = upperBound(sorted, pts[i]) - 1;
            delay = Math.max(delay, i - rank);
        }
        long[] dts = new long[n];
        long step = delay < n ? Math.max(1, (sorted[delay] - sorted[0]) / Math.max(1, delay)) : 1;
        for (int i = 0; i < n; i++) {
            dts[i] = i >= delay ? sorted[i - delay] : sorted[0] - (delay - i) * step;
        }
        for (int i = n - 2; i >= 0; i--) {
            dts[i] = Math.min(dts[i], dts[i + 1] - 1);
        }
        return dts;
    }

    /** The first index whose value is greater than {@code key}. */
    private static int upperBound(long[] sorted, long key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
