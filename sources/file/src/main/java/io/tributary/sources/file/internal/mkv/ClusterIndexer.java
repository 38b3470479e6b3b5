package io.tributary.sources.file.internal.mkv;

import java.io.IOException;
import java.util.Map;

/**
 * Indexes the frames of the Clusters (RFC 9559 §5.1.3, §10) into one {@link SampleList} per
 * playable track: SimpleBlocks and BlockGroups, laced or not, in Clusters of known or unknown
 * size. Blocks of other tracks are skipped after their track number. A file that ends inside a
 * Cluster (a recording in progress) keeps the frames that are complete.
 */
final class ClusterIndexer {
    /** Frames indexed per file: 4 Mi frames is 12 hours of 50 fps video with 48 kHz AAC. */
    static final int MAX_SAMPLES = 1 << 22;
    /** The largest frame accepted, as in the MP4 demuxer. */
    static final int MAX_SAMPLE_SIZE = 64 << 20;
    /** Times beyond ±2^30 s are refused, so every conversion stays within 64 bits. */
    static final long MAX_NANOS = (1L << 30) * 1_000_000_000L;

    private final EbmlInput in;
    private final long timestampScale;
    private final Map<Long, Track> tracks;
    private int samples;

    /** A playable track's frames and what timing it declares. */
    record Track(SampleList samples, long defaultDuration) {
    }

    /**
     * @param timestampScale ns per Cluster and Block timestamp tick
     * @param tracks         the playable tracks by track number
     */
    ClusterIndexer(EbmlInput in, long timestampScale, Map<Long, Track> tracks) {
        this.in = in;
        this.timestampScale = timestampScale;
        this.tracks = tracks;
    }

    /**
     * Indexes one Cluster.
     *
     * @param limit where the Segment (or the file) ends
     * @return where the next top-level element starts: after the Cluster, or for one of unknown
     * size at the first element that cannot be inside a Cluster; {@code limit} when the file ends
     * inside it
     */
    long cluster(EbmlElement cluster, long limit) throws IOException {
        long end = cluster.unknownSize() ? limit : Math.min(limit, cluster.end());
        long timestamp = -1;
        long at = cluster.dataStart();
        while (at < end) {
            EbmlElement e = in.element(at, end);
            if (e == null) {
                return end;
            }
            if (cluster.unknownSize() && !ElementIds.inCluster(e.id())) {
                return at;
            }
            if (e.unknownSize()) {
                throw new IOException("element " + e.name() + " of unknown size inside the Cluster at "
                        + cluster.start());
            }
            if (e.size() > end - e.dataStart()) {
                if (e.size() > in.size() - e.dataStart()) {
                    return end; // cut off: the last block of an unfinished recording
                }
                throw new IOException("element " + e.name() + " at " + at + " runs past the end of its Cluster");
            }
            switch (e.id()) {
                case ElementIds.CLUSTER_TIMESTAMP -> timestamp = in.unsigned(e);
                case ElementIds.SIMPLE_BLOCK -> block(e, timestamp, -1, true, true);
                case ElementIds.BLOCK_GROUP -> group(e, timestamp);
                default -> {
                    // Void, CRC-32, Position, PrevSize, …
                }
            }
            at = e.end();
        }
        return end;
    }

    /** A BlockGroup: its Block, keyframe unless it has a ReferenceBlock, and its BlockDuration. */
    private void group(EbmlElement group, long timestamp) throws IOException {
        EbmlElement block = null;
        boolean referenced = false;
        long duration = -1;
        for (long at = group.dataStart(); at < group.end(); ) {
            EbmlElement e = in.child(at, group.end(), group);
            switch (e.id()) {
                case ElementIds.BLOCK -> block = e;
                case ElementIds.REFERENCE_BLOCK -> referenced = true;
                case ElementIds.BLOCK_DURATION -> duration = in.unsigned(e);
                default -> {
                }
            }
            at = e.end();
        }
        if (block != null) {
            block(block, timestamp, duration, !referenced, false);
        }
    }

    /**
     * A Block or SimpleBlock (RFC 9559 §10.1): track number, signed 16-bit time relative to the
     * Cluster, flags, then the frames.
     *
     * @param duration BlockDuration in ticks, -1 when absent
     * @param keyframe for a Block, whether it has no ReferenceBlock
     */
    private void block(EbmlElement block, long clusterTime, long duration, boolean keyframe, boolean simple)
            throws IOException {
        long at = block.dataStart();
        long end = block.end();
        if (end - at < 4) {
            throw new IOException("block at " + block.start() + " is too short (" + block.size() + " bytes)");
        }
        int first = in.u8(at);
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || end - at < length + 3) {
            throw new IOException("invalid track number in the block at " + block.start());
        }
        long number = first & (0xFF >> length);
        for (int i = 1; i < length; i++) {
            number = number << 8 | in.u8(at + i);
        }
        at += length;
        Track track = tracks.get(number);
        if (track == null) {
            return;
        }
        if (clusterTime < 0) {
            throw new IOException("block at " + block.start() + " before its Cluster's Timestamp");
        }
        int relative = (short) (in.u8(at) << 8 | in.u8(at + 1));
        int flags = in.u8(at + 2);
        long[] frames = Lacing.frames(in, flags >> 1 & 3, at + 3, end);
        int count = frames.length - 1;
        long time = nanos(clusterTime + relative, block);
        long blockDuration = duration >= 0 ? nanos(duration, block)
                : track.defaultDuration() > 0 ? track.defaultDuration() * count : -1;
        boolean key = simple ? (flags & 0x80) != 0 : keyframe;
        long offset = frames[0];
        int stored = 0;
        for (int k = 0; k < count; k++) {
            long size = frames[k + 1];
            if (size > MAX_SAMPLE_SIZE) {
                throw new IOException("frame of " + size + " bytes in the block at " + block.start() + " exceeds "
                        + MAX_SAMPLE_SIZE);
            }
            if (size > 0) { // an empty frame carries nothing to send
                if (++samples > MAX_SAMPLES) {
                    throw new IOException("more than " + MAX_SAMPLES + " frames");
                }
                long start = blockDuration < 0 ? time : time + part(blockDuration, k, count);
                long stop = blockDuration < 0 ? time : time + part(blockDuration, k + 1, count);
                track.samples().add(offset, (int) size, start, stop, key && k == 0);
                stored++;
            }
            offset += size;
        }
        if (blockDuration < 0 && stored > 1) {
            track.samples().spreadLater(stored);
        }
    }

    /** {@code duration * k / count} without overflow. */
    private static long part(long duration, int k, int count) {
        return duration / count * k + duration % count * k / count;
    }

    /** Ticks in ns, refused beyond {@link #MAX_NANOS}. */
    private long nanos(long ticks, EbmlElement block) throws IOException {
        long high = Math.multiplyHigh(ticks, timestampScale);
        long nanos = ticks * timestampScale;
        if (high != nanos >> 63 || nanos < -MAX_NANOS || nanos > MAX_NANOS) {
            throw new IOException("time of " + ticks + " ticks of " + timestampScale + " ns in the block at "
                    + block.start() + " is out of range");
        }
        return nanos;
    }
}
