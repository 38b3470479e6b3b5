package io.tributary.sources.file.internal.mp4;

import io.tributary.sources.file.internal.mp4.BoxCursor.Box;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the samples of the movie fragments of a file (ISO/IEC 14496-12 §8.8): for each
 * {@code moof}, each track fragment ({@code traf}) names its track and defaults
 * ({@code tfhd}), its first decode time ({@code tfdt}) and one or more runs of samples
 * ({@code trun}) whose durations, sizes, flags and composition offsets are either listed per
 * sample or taken from the defaults.
 *
 * <p>Data offsets follow the standard: a {@code tfhd} base offset, else the {@code moof}
 * start when default-base-is-moof is set or for the first track fragment, else the end of the
 * previous track fragment's data; a run without a data offset follows the previous run. A
 * fragment without {@code tfdt} follows the previous one, and a {@code tfdt} that would go
 * back in time is ignored, so decode times never decrease. Samples that lie beyond the end of
 * the file (a recorder that was killed) end their track, which then plays up to its last
 * complete sample. Negative composition offsets ({@code trun} version 1) move decode times
 * back as {@code ctts} version 1 does ({@link Mp4Track}); ffmpeg instead moves the
 * presentation of fragments forward, which would show the video after its audio.
 */
final class FragmentParser {
    /** Bytes per movie fragment box: its tables describe at most a few thousand samples. */
    static final long MAX_MOOF_SIZE = 16L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(FragmentParser.class);
    /** {@code tfdt} values above this would overflow when durations are added. */
    private static final long MAX_DECODE_TIME = Long.MAX_VALUE / 4;

    private static final int TFHD_BASE_DATA_OFFSET = 0x1;
    private static final int TFHD_DESCRIPTION_INDEX = 0x2;
    private static final int TFHD_DURATION = 0x8;
    private static final int TFHD_SIZE = 0x10;
    private static final int TFHD_FLAGS = 0x20;
    private static final int TFHD_BASE_IS_MOOF = 0x2_0000;
    private static final int TRUN_DATA_OFFSET = 0x1;
    private static final int TRUN_FIRST_FLAGS = 0x4;
    private static final int TRUN_DURATION = 0x100;
    private static final int TRUN_SIZE = 0x200;
    private static final int TRUN_FLAGS = 0x400;
    private static final int TRUN_COMPOSITION = 0x800;

    private final FileChannel channel;
    private final long fileSize;
    private final Map<Long, TrackDefaults> defaults;
    private final Map<Long, Indexed> tracks = new HashMap<>();
    private int budget;
    /**
     * What is left of the file's bytes for fragment samples: each takes its size, at least one
     * byte, so runs that point at the same data cannot claim more samples than the file holds.
     */
    private long bytesLeft;

    /** A track being indexed; it ends at its first sample beyond the end of the file. */
    private static final class Indexed {
        final SampleTableBuilder samples;
        boolean ended;

        Indexed(SampleTableBuilder samples) {
            this.samples = samples;
        }
    }

    private FragmentParser(FileChannel channel, long fileSize, Map<Long, TrackDefaults> defaults, int budget) {
        this.channel = channel;
        this.fileSize = fileSize;
        this.defaults = defaults;
        this.budget = budget;
        this.bytesLeft = fileSize;
    }

    /**
     * Appends the samples of every fragment to the tracks' samples from the movie box.
     *
     * @param fragments   where each {@code moof} starts, in file order
     * @param defaults    the {@code trex} defaults by track id
     * @param moovSamples the samples of the tracks to index, by track id; fragments of other tracks are skipped
     * @param budget      what is left of the file's sample budget
     * @return every track's samples, by track id
     */
    static Map<Long, SampleTable> index(FileChannel channel, long fileSize, long[] fragments,
                                        Map<Long, TrackDefaults> defaults, Map<Long, SampleTable> moovSamples,
                                        int budget) throws IOException {
        FragmentParser parser = new FragmentParser(channel, fileSize, defaults, budget);
        moovSamples.forEach((id, table) -> parser.tracks.put(id, new Indexed(SampleTableBuilder.continuing(table))));
        for (long position : fragments) {
            try {
                parser.fragment(position);
            } catch (IOException e) {
                throw new IOException("moof at " + position + ": " + e.getMessage(), e);
            }
        }
        Map<Long, SampleTable> tables = new HashMap<>();
        parser.tracks.forEach((id, track) -> tables.put(id, track.samples.build()));
        return tables;
    }

    private void fragment(long position) throws IOException {
        TopLevelBoxes.Header moof = TopLevelBoxes.header(channel, position, fileSize);
        if (moof == null || moof.payloadSize() > MAX_MOOF_SIZE) {
            throw new IOException("movie fragment box is cut off or larger than " + MAX_MOOF_SIZE + " bytes");
        }
        long dataEnd = position; // where the previous track fragment's data ended
        for (Box box : new BoxCursor(TopLevelBoxes.load(channel, moof)).children()) {
            if (box.type().equals("traf")) {
                dataEnd = trackFragment(box.payload().children(), position, dataEnd);
            }
        }
    }

    /** Indexes one track fragment and returns where its data ends. */
    private long trackFragment(List<Box> traf, long moofStart, long previousEnd) throws IOException {
        BoxCursor tfhd = BoxCursor.require(traf, "tfhd", "traf").payload();
        int flags = tfhd.i32() & 0xFF_FFFF;
        long trackId = tfhd.u32();
        TrackDefaults trex = defaults.getOrDefault(trackId, TrackDefaults.NONE);
        long base = previousEnd;
        if ((flags & TFHD_BASE_DATA_OFFSET) != 0) {
            base = tfhd.i64();
            if (base < 0) {
                throw new IOException("tfhd: base data offset " + Long.toUnsignedString(base) + " out of range");
            }
        } else if ((flags & TFHD_BASE_IS_MOOF) != 0) {
            base = moofStart;
        }
        if ((flags & TFHD_DESCRIPTION_INDEX) != 0) {
            tfhd.u32(); // only the first sample description is used
        }
        long duration = (flags & TFHD_DURATION) != 0 ? tfhd.u32() : trex.duration();
        long size = (flags & TFHD_SIZE) != 0 ? tfhd.u32() : trex.size();
        int sampleFlags = (flags & TFHD_FLAGS) != 0 ? tfhd.i32() : trex.flags();
        TrackDefaults fragmentDefaults = new TrackDefaults(duration, size, sampleFlags);

        Indexed track = tracks.get(trackId);
        if (base > fileSize) {
            // a file cut right after this moof: none of its samples is there
            if (track != null) {
                track.ended = true;
            }
            return base;
        }
        long time = track == null ? 0 : track.samples.endTime();
        Box tfdt = BoxCursor.find(traf, "tfdt");
        if (tfdt != null && track != null) {
            BoxCursor c = tfdt.payload();
            long decodeTime = c.version() == 1 ? c.i64() : c.u32();
            if (decodeTime < 0 || decodeTime > MAX_DECODE_TIME) {
                throw new IOException("tfdt: decode time " + Long.toUnsignedString(decodeTime) + " out of range");
            }
            if (decodeTime >= time) {
                time = decodeTime;
            } else {
                LOG.debug("track {}: tfdt {} goes back before {}: ignored", trackId, decodeTime, time);
            }
        }
        RunEnd end = new RunEnd(base, time);
        for (Box box : traf) {
            if (box.type().equals("trun")) {
                end = run(box.payload(), track, trackId, fragmentDefaults, base, end);
            }
        }
        return end.offset();
    }

    /** Where the data and the decode times of a track run end: where the next run starts. */
    private record RunEnd(long offset, long time) {
    }

    /**
     * Indexes one track run ({@code trun}) into {@code track} (null: skipped). Composition
     * offsets are read as signed in both versions, as for {@code ctts}.
     */
    private RunEnd run(BoxCursor trun, Indexed track, long trackId, TrackDefaults defaults, long base, RunEnd previous)
            throws IOException {
        long offset = previous.offset();
        long time = previous.time();
        int flags = trun.i32() & 0xFF_FFFF;
        int perSampleBytes = 4 * Integer.bitCount(flags & (TRUN_DURATION | TRUN_SIZE | TRUN_FLAGS | TRUN_COMPOSITION));
        long maxCount = perSampleBytes > 0 ? trun.remaining() / perSampleBytes
                : defaults.size() > 0 ? fileSize / defaults.size() : fileSize;
        int count = trun.count(maxCount, "trun: sample count");
        if ((flags & TRUN_DATA_OFFSET) != 0) {
            offset = base + trun.i32();
        }
        int firstFlags = (flags & TRUN_FIRST_FLAGS) != 0 ? trun.i32() : defaults.flags();
        boolean indexing = track != null && !track.ended;
        if (!indexing && perSampleBytes == 0) {
            // nothing to read per sample: skip the run in one step (count * size stays within the file size)
            return new RunEnd(offset + count * defaults.size(), time);
        }
        if (indexing && count > budget) {
            throw new IOException("more than " + SampleTableParser.MAX_SAMPLES + " samples in the file");
        }
        for (int i = 0; i < count; i++) {
            long duration = (flags & TRUN_DURATION) != 0 ? trun.u32() : defaults.duration();
            long size = (flags & TRUN_SIZE) != 0 ? trun.u32() : defaults.size();
            int sampleFlags = (flags & TRUN_FLAGS) != 0 ? trun.i32() : defaults.flags();
            int compositionOffset = (flags & TRUN_COMPOSITION) != 0 ? trun.i32() : 0;
            if (i == 0 && (flags & TRUN_FIRST_FLAGS) != 0) {
                sampleFlags = firstFlags;
            }
            if (size > SampleTableParser.MAX_SAMPLE_SIZE) {
                throw new IOException("trun: sample size " + size + " exceeds " + SampleTableParser.MAX_SAMPLE_SIZE);
            }
            if (duration > Integer.MAX_VALUE) {
                throw new IOException("trun: sample duration " + duration + " exceeds " + Integer.MAX_VALUE);
            }
            if (track != null && !track.ended) {
                if (offset < 0 || offset > fileSize - size) {
                    LOG.debug("track {}: sample at {} lies beyond the end of the file: the track ends there",
                            trackId, offset);
                    track.ended = true;
                    if (perSampleBytes == 0) {
                        return new RunEnd(offset + (count - i) * size, time);
                    }
                } else {
                    bytesLeft -= Math.max(size, 1);
                    if (bytesLeft < 0) {
                        throw new IOException("the fragments' samples claim more bytes than the file holds");
                    }
                    track.samples.add(offset, (int) size, time, (int) duration, compositionOffset,
                            TrackDefaults.isSync(sampleFlags));
                    budget--;
                }
            }
            offset += size;
            time += duration;
        }
        return new RunEnd(offset, time);
    }
}
