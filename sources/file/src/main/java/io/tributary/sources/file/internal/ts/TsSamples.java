package io.tributary.sources.file.internal.ts;

import io.tributary.sources.file.internal.container.SyncSamples;
import java.io.IOException;
import java.util.Arrays;

/**
 * Where the samples of one elementary stream lie and when they play, in decode order. Compact
 * (25 bytes a sample): a sample's bytes are the payload of its PID's packets from
 * {@link #firstPacket} (starting {@link #offset} bytes after its sync byte) to
 * {@link #lastPacket}, skipping PES headers, until {@link #size} bytes are gathered. Times are
 * unwrapped 90 kHz ticks; for video {@link #detail} is PTS minus DTS, for audio the number of
 * frames since the PTS that timed it (frames after the first of a PES carry none). Immutable
 * once built.
 */
final class TsSamples {
    /** Samples per file: bounds the index at about 200 MiB for a hostile file of 1.5 GB. */
    static final int MAX_SAMPLES = 1 << 23;
    /** Largest sample, as in MP4. */
    static final int MAX_SAMPLE_SIZE = 64 << 20;
    /** Bytes a sample costs in the arrays. */
    static final int BYTES_PER_SAMPLE = 8 + 4 + 4 + 4 + 4 + 1;

    private final long[] pts;
    private final int[] detail;
    private final int[] firstPacket;
    private final int[] lastPacket;
    private final int[] size;
    private final byte[] offset;
    private final SyncSamples sync;
    private final int count;
    private final long totalBytes;

    private TsSamples(Builder b) {
        this.count = b.count;
        this.pts = Arrays.copyOf(b.pts, count);
        this.detail = Arrays.copyOf(b.detail, count);
        this.firstPacket = Arrays.copyOf(b.firstPacket, count);
        this.lastPacket = Arrays.copyOf(b.lastPacket, count);
        this.size = Arrays.copyOf(b.size, count);
        this.offset = Arrays.copyOf(b.offset, count);
        this.sync = b.allSync ? SyncSamples.all(count) : b.sync.build(count);
        this.totalBytes = b.totalBytes;
    }

    int count() {
        return count;
    }

    long pts(int sample) {
        return pts[sample];
    }

    int detail(int sample) {
        return detail[sample];
    }

    int firstPacket(int sample) {
        return firstPacket[sample];
    }

    int lastPacket(int sample) {
        return lastPacket[sample];
    }

    /** Where the sample's first byte is in its first packet, counted from the sync byte. */
    int offset(int sample) {
        return offset[sample] & 0xFF;
    }

    int size(int sample) {
        return size[sample];
    }

    long totalBytes() {
        return totalBytes;
    }

    /** Memory held, for the index cache's bound. */
    long memory() {
        return (long) count * BYTES_PER_SAMPLE + sync.memory() + 96;
    }

    SyncSamples sync() {
        return sync;
    }

    /** Collects samples in decode order, growing its arrays by half as needed. */
    static final class Builder {
        private final boolean allSync;
        private long[] pts = new long[64];
        private int[] detail = new int[64];
        private int[] firstPacket = new int[64];
        private int[] lastPacket = new int[64];
        private int[] size = new int[64];
        private byte[] offset = new byte[64];
        private final SyncSamples.Builder sync = new SyncSamples.Builder();
        private int count;
        private long totalBytes;

        /** @param allSync whether every sample is a sync sample (audio) */
        Builder(boolean allSync) {
            this.allSync = allSync;
        }

        int count() {
            return count;
        }

        /**
         * @param offset where the first byte is in the first packet, from its sync byte (below 188)
         * @throws IOException when the file has more than {@link #MAX_SAMPLES} samples
         */
        void add(long pts, int detail, int firstPacket, int offset, int lastPacket, int size, boolean sync)
                throws IOException {
            if (count == this.pts.length) {
                if (count >= MAX_SAMPLES) {
                    throw new IOException("more than " + MAX_SAMPLES + " samples in one stream");
                }
                int capacity = (int) Math.min(MAX_SAMPLES, count + (count >> 1) + 16L);
                this.pts = Arrays.copyOf(this.pts, capacity);
                this.detail = Arrays.copyOf(this.detail, capacity);
                this.firstPacket = Arrays.copyOf(this.firstPacket, capacity);
                this.lastPacket = Arrays.copyOf(this.lastPacket, capacity);
                this.size = Arrays.copyOf(this.size, capacity);
                this.offset = Arrays.copyOf(this.offset, capacity);
            }
            this.pts[count] = pts;
            this.detail[count] = detail;
            this.firstPacket[count] = firstPacket;
            this.lastPacket[count] = lastPacket;
            this.size[count] = size;
            this.offset[count] = (byte) offset;
            if (sync && !allSync) {
                this.sync.add(count);
            }
            count++;
            totalBytes += size;
        }

        TsSamples build() {
            return new TsSamples(this);
        }
    }
}
