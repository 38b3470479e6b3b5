package io.tributary.sources.file.internal.mp4;

import io.tributary.sources.file.internal.container.SyncSamples;
import io.tributary.sources.file.internal.mp4.BoxCursor.Box;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link SampleTable} from the boxes of a sample table box ({@code stbl}): sizes
 * ({@code stsz}/{@code stz2}), chunks ({@code stsc} with {@code stco}/{@code co64}), decode
 * durations ({@code stts}), composition offsets ({@code ctts}) and sync samples ({@code stss}).
 *
 * <p>Every count is checked against the bytes that hold it, and sample counts against the
 * file size and a budget of {@link #MAX_SAMPLES} for the whole file, before anything is
 * allocated. When the tables disagree
 * on the number of samples, or samples lie beyond the end of the file (an unfinished
 * recording), the track is cut to the samples that every table describes.
 */
final class SampleTableParser {
    /** Samples per file: 8 Mi is 30 hours of 30 fps video with 48 kHz AAC, at most 128 MB of tables. */
    static final int MAX_SAMPLES = 1 << 23;
    /** Bytes per sample: far above any real frame, far below what would exhaust the heap on read. */
    static final int MAX_SAMPLE_SIZE = 64 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(SampleTableParser.class);

    private SampleTableParser() {
    }

    /**
     * @param maxSamples what is left of the file's sample budget
     */
    static SampleTable parse(List<Box> stbl, long fileSize, int maxSamples) throws IOException {
        int[] sizes = sizes(stbl, fileSize, maxSamples);
        long[] offsets = new long[sizes.length];
        int count = offsets(stbl, sizes, offsets, fileSize);
        TimeRuns runs = timeRuns(BoxCursor.require(stbl, "stts", "stbl").payload(), count);
        count = runs.covered;
        if (count < sizes.length) {
            LOG.debug("the sample tables place {} of {} samples in the file: the track is cut", count, sizes.length);
            sizes = Arrays.copyOf(sizes, count);
            offsets = Arrays.copyOf(offsets, count);
        }
        Box ctts = BoxCursor.find(stbl, "ctts");
        Box stss = BoxCursor.find(stbl, "stss");
        return new SampleTable(offsets, sizes, runs.firstSample, runs.firstTime, runs.delta,
                ctts == null ? null : compositionOffsets(ctts.payload(), count),
                stss == null ? SyncSamples.all(count) : syncSamples(stss.payload(), count));
    }

    private static int[] sizes(List<Box> stbl, long fileSize, int maxSamples) throws IOException {
        Box stsz = BoxCursor.find(stbl, "stsz");
        if (stsz != null) {
            BoxCursor c = stsz.payload();
            c.version();
            long constant = c.u32();
            if (constant > MAX_SAMPLE_SIZE) {
                throw new IOException("stsz: sample size " + constant + " exceeds " + MAX_SAMPLE_SIZE);
            }
            if (constant > 0) {
                int count = c.count(Math.min(maxSamples, fileSize / constant), "stsz: sample count");
                int[] sizes = new int[count];
                Arrays.fill(sizes, (int) constant);
                return sizes;
            }
            int count = c.count(Math.min(maxSamples, c.remaining() / 4), "stsz: sample count");
            int[] sizes = new int[count];
            for (int i = 0; i < count; i++) {
                sizes[i] = c.count(MAX_SAMPLE_SIZE, "stsz: sample size");
            }
            return sizes;
        }
        BoxCursor c = BoxCursor.require(stbl, "stz2", "stbl").payload();
        c.version();
        c.skip(3);
        int fieldSize = c.u8();
        if (fieldSize != 4 && fieldSize != 8 && fieldSize != 16) {
            throw new IOException("stz2: invalid field size " + fieldSize);
        }
        int count = c.count(Math.min(maxSamples, c.remaining() * 8L / fieldSize), "stz2: sample count");
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            if (fieldSize == 4) {
                int pair = c.u8(); // two samples per byte, high nibble first
                sizes[i] = pair >>> 4;
                if (i + 1 < count) {
                    sizes[++i] = pair & 0xF;
                }
            } else {
                sizes[i] = fieldSize == 8 ? c.u8() : c.u16();
            }
        }
        return sizes;
    }

    /**
     * Fills {@code offsets} from the chunk tables and returns how many leading samples they
     * place entirely inside the file.
     */
    private static int offsets(List<Box> stbl, int[] sizes, long[] offsets, long fileSize) throws IOException {
        long[] chunks = chunkOffsets(stbl);
        BoxCursor stsc = BoxCursor.require(stbl, "stsc", "stbl").payload();
        stsc.version();
        int entries = stsc.count(stsc.remaining() / 12, "stsc: entry count");
        long[] firstChunk = new long[entries + 1];
        long[] perChunk = new long[entries];
        for (int e = 0; e < entries; e++) {
            firstChunk[e] = stsc.u32();
            perChunk[e] = stsc.u32();
            stsc.skip(4); // sample description index: only the first description is used
            if (firstChunk[e] < 1 || e > 0 && firstChunk[e] <= firstChunk[e - 1]) {
                throw new IOException("stsc: chunk numbers out of order at entry " + e);
            }
        }
        firstChunk[entries] = chunks.length + 1L; // the last entry runs to the last chunk
        int sample = 0;
        for (int e = 0; e < entries && sample < sizes.length; e++) {
            long end = Math.min(firstChunk[e + 1], chunks.length + 1L);
            for (long chunk = firstChunk[e]; chunk < end && sample < sizes.length; chunk++) {
                long position = chunks[(int) chunk - 1];
                for (long i = 0; i < perChunk[e] && sample < sizes.length; i++) {
                    if (position < 0 || position > fileSize - sizes[sample]) {
                        return sample; // beyond the end of the file
                    }
                    offsets[sample] = position;
                    position += sizes[sample++];
                }
            }
        }
        return sample;
    }

    private static long[] chunkOffsets(List<Box> stbl) throws IOException {
        Box stco = BoxCursor.find(stbl, "stco");
        boolean wide = stco == null;
        BoxCursor c = (wide ? BoxCursor.require(stbl, "co64", "stbl") : stco).payload();
        c.version();
        int count = c.count(c.remaining() / (wide ? 8 : 4), "chunk offset count");
        long[] chunks = new long[count];
        for (int i = 0; i < count; i++) {
            chunks[i] = wide ? c.i64() : c.u32();
        }
        return chunks;
    }

    /** Decode-time runs for the first {@code count} samples, and how many samples {@code stts} covers. */
    private record TimeRuns(int[] firstSample, long[] firstTime, int[] delta, int covered) {
    }

    private static TimeRuns timeRuns(BoxCursor stts, int count) throws IOException {
        stts.version();
        int entries = stts.count(stts.remaining() / 8, "stts: entry count");
        int[] firstSample = new int[entries];
        long[] firstTime = new long[entries];
        int[] delta = new int[entries];
        int runs = 0;
        int sample = 0;
        long time = 0;
        for (int e = 0; e < entries && sample < count; e++) {
            long samples = Math.min(stts.u32(), count - sample);
            int duration = stts.count(Integer.MAX_VALUE, "stts: sample duration");
            if (samples == 0) {
                continue;
            }
            firstSample[runs] = sample;
            firstTime[runs] = time;
            delta[runs++] = duration;
            sample += (int) samples;
            time += samples * duration;
        }
        return new TimeRuns(Arrays.copyOf(firstSample, runs), Arrays.copyOf(firstTime, runs),
                Arrays.copyOf(delta, runs), sample);
    }

    /**
     * Composition offsets, read as signed like most demuxers do for both versions (version 0
     * offsets above 2^31 do not occur in playable files). Samples past the table get 0.
     */
    private static int[] compositionOffsets(BoxCursor ctts, int count) throws IOException {
        ctts.version();
        int entries = ctts.count(ctts.remaining() / 8, "ctts: entry count");
        int[] offsets = new int[count];
        int sample = 0;
        for (int e = 0; e < entries && sample < count; e++) {
            long samples = Math.min(ctts.u32(), count - sample);
            int offset = ctts.i32();
            Arrays.fill(offsets, sample, sample + (int) samples, offset);
            sample += (int) samples;
        }
        return offsets;
    }

    /** Sync sample indices (0-based, ascending, below {@code count}). */
    private static SyncSamples syncSamples(BoxCursor stss, int count) throws IOException {
        stss.version();
        int entries = stss.count(stss.remaining() / 4, "stss: entry count");
        int[] sync = new int[entries];
        int n = 0;
        for (int e = 0; e < entries; e++) {
            long number = stss.u32();
            if (number >= 1 && number <= count) {
                sync[n++] = (int) number - 1;
            }
        }
        sync = Arrays.copyOf(sync, n);
        Arrays.sort(sync);
        int[] distinct = Arrays.stream(sync).distinct().toArray();
        return SyncSamples.of(distinct, distinct.length);
    }
}
