package io.tributary.sources.file.internal.mp4;

import static io.tributary.sources.file.internal.container.Timescale.rescale;

import io.tributary.sources.file.internal.container.ContainerTrack;
import io.tributary.sources.file.internal.container.SyncSamples;
import io.tributary.sources.file.internal.container.Timescale;
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
        long nanos = rescale(edits.delay(), Timescale.NANOS, movieTimescale) + (edits.duration() > 0
                ? rescale(edits.duration(), Timescale.NANOS, movieTimescale)
                : rescale(samples.endTime() - mediaStart, Timescale.NANOS, timescale));
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
    public SyncSamples syncSamples() {
        return samples.sync();
    }

    /** Length of the track on the movie timeline: from the edit list, else from the sample durations. */
    @Override
    public Duration duration() {
        return duration;
    }

    @Override
    public long totalBytes() {
        return samples.totalBytes();
    }

    SampleTable samples() {
        return samples;
    }

    private long toClock(long mediaTime) {
        return rescale(mediaTime - mediaStart, clockRate, timescale) + clockDelay;
    }
}
