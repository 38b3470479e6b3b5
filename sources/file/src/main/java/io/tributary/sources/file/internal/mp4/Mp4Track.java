package io.tributary.sources.file.internal.mp4;

import io.tributary.sources.file.internal.container.ContainerTrack;
import io.tributary.sources.file.internal.container.TrackFormat;
import java.io.IOException;
import java.time.Duration;

/**
 * One playable track of an MP4 file: its format, its samples and their times in the RTP
 * clock of its encoding ({@link io.tributary.api.media.Encoding#clockRate()}). Immutable.
 *
 * <h2>Timeline</h2>
 * Times follow the edit list, so that all tracks of a file line up: presentation time 0 is
 * the start of the first media edit, plus the track's leading empty edits. Each absolute
 * media time is converted on its own (rounded half up), so rounding never accumulates.
 * Samples that the edit places before the start keep their negative times instead of being
 * clamped: the AAC priming frame plays at -1024, and with B-frames the first decode times
 * are negative. Timestamps therefore stay strictly ordered, and {@link #seekIndex} from 0
 * starts at the first sample shown at or after the start. When composition offsets are
 * negative ({@code ctts} version 1), decode times are moved back by the smallest offset so
 * that a decode time never exceeds its presentation time (as ffmpeg does).
 */
public final class Mp4Track implements ContainerTrack {
    /** Longest track accepted; keeps every time conversion within 64 bits. */
    static final long MAX_SECONDS = 1L << 30;

    private final long id;
    private final TrackFormat format;
    private final SampleTable samples;
    private final long timescale;
    private final int clockRate;
    private final long mediaStart;
    private final long clockDelay;
    private final long decodeShift;
    private final Duration duration;

    private Mp4Track(long id, TrackFormat format, SampleTable samples, long timescale, EditList edits,
                     long movieTimescale) {
        this.id = id;
        this.format = format;
        this.samples = samples;
        this.timescale = timescale;
        this.clockRate = format.encoding().clockRate();
        this.mediaStart = edits.mediaTime();
        this.clockDelay = rescale(edits.delay(), clockRate, movieTimescale);
        this.decodeShift = -samples.minCompositionOffset();
        long nanos = rescale(edits.delay(), 1_000_000_000L, movieTimescale) + (edits.duration() > 0
                ? rescale(edits.duration(), 1_000_000_000L, movieTimescale)
                : rescale(samples.endTime() - mediaStart, 1_000_000_000L, timescale));
        this.duration = Duration.ofNanos(nanos);
    }

    /**
     * @param timescale      the media timescale ({@code mdhd}), positive
     * @param movieTimescale the movie timescale ({@code mvhd}), positive
     * @throws IOException when times exceed {@link #MAX_SECONDS} or the edit starts past the media
     */
    static Mp4Track create(long id, TrackFormat format, SampleTable samples, long timescale, EditList edits,
                           long movieTimescale) throws IOException {
        if (samples.endTime() / timescale >= MAX_SECONDS || edits.delay() / movieTimescale >= MAX_SECONDS
                || edits.duration() / movieTimescale >= MAX_SECONDS) {
            throw new IOException("track " + id + " is longer than " + MAX_SECONDS + " s");
        }
        if (edits.mediaTime() > samples.endTime()) {
            throw new IOException("track " + id + ": edit list starts after the media ends");
        }
        return new Mp4Track(id, format, samples, timescale, edits, movieTimescale);
    }

    /** The track id of the file ({@code tkhd}), for messages. */
    @Override
    public long id() {
        return id;
    }

    @Override
    public TrackFormat format() {
        return format;
    }

    @Override
    public int sampleCount() {
        return samples.count();
    }

    /** Presentation time of a sample in clock units. */
    @Override
    public long presentationTime(int sample) {
        return toClock(samples.decodeTime(sample) + samples.compositionOffset(sample));
    }

    /** Decode time of a sample in clock units (never after its presentation time). */
    @Override
    public long decodeTime(int sample) {
        return toClock(samples.decodeTime(sample) - decodeShift);
    }

    @Override
    public boolean isSync(int sample) {
        return samples.isSync(sample);
    }

    /**
     * The last sync sample presented at or before {@code time} (clock units): for video the
     * keyframe to start from, for audio (all sync) the frame playing at that time; 0 when
     * none is. Assumes that sync samples are presented in decode order.
     */
    @Override
    public int seekIndex(long time) {
        int low = 0;
        int high = samples.syncCount() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (presentationTime(samples.syncSample(middle)) <= time) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found < 0 ? 0 : samples.syncSample(found);
    }

    /** Length of the track on the movie timeline: from the edit list, else from the sample durations. */
    @Override
    public Duration duration() {
        return duration;
    }

    /** Average bitrate in bit/s over the duration, 0 when the duration is 0. */
    @Override
    public long bitrate() {
        long nanos = duration.toNanos();
        return nanos <= 0 ? 0 : Math.round(samples.totalBytes() * 8e9 / nanos);
    }

    SampleTable samples() {
        return samples;
    }

    private long toClock(long mediaTime) {
        return rescale(mediaTime - mediaStart, clockRate, timescale) + clockDelay;
    }

    /**
     * {@code value * to / from} rounded half up, exact in 64 bits while {@code value / from}
     * stays within ±2^31 and {@code to} and {@code from} below 2^31.
     */
    static long rescale(long value, long to, long from) {
        return Math.floorDiv(value, from) * to + (Math.floorMod(value, from) * to + from / 2) / from;
    }
}
