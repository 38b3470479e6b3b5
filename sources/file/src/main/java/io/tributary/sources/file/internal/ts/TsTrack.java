package io.tributary.sources.file.internal.ts;

import static io.tributary.sources.file.internal.container.Timescale.rescale;

import io.tributary.api.media.MediaType;
import io.tributary.sources.file.internal.container.ContainerTrack;
import io.tributary.sources.file.internal.container.SyncSamples;
import io.tributary.sources.file.internal.container.Timescale;
import io.tributary.sources.file.internal.container.TrackFormat;
import java.time.Duration;

/**
 * One playable elementary stream of a transport stream. Presentation time 0 is the earliest
 * first PTS over the file's tracks (ffmpeg's {@code start_time}), so that tracks line up;
 * decode times of B-frame streams start before it. Each time is converted from 90 kHz on its
 * own, so rounding never accumulates; AAC frames after the one a PTS timed are exactly 1024
 * samples apart. Immutable.
 */
final class TsTrack implements ContainerTrack {
    /** Samples per AAC frame. */
    static final int AAC_FRAME = 1024;
    static final long MPEG_CLOCK = 90000;

    private final int pid;
    private final TrackFormat format;
    private final TsSamples samples;
    private final long start;
    private final long clockRate;
    private final boolean audio;
    private final Duration duration;

    /**
     * @param start the timeline's origin in unwrapped 90 kHz ticks
     */
    TsTrack(int pid, TrackFormat format, TsSamples samples, long start) {
        this.pid = pid;
        this.format = format;
        this.samples = samples;
        this.start = start;
        this.clockRate = format.encoding().clockRate();
        this.audio = format.type() == MediaType.AUDIO;
        this.duration = Duration.ofNanos(Math.max(0, rescale(end(), Timescale.NANOS, clockRate)));
    }

    /** The first presentation time of a stream's samples, in unwrapped 90 kHz ticks. */
    static long firstTime(TsSamples samples, boolean audio, long clockRate) {
        if (audio) {
            return samples.pts(0) + rescale((long) samples.detail(0) * AAC_FRAME, MPEG_CLOCK, clockRate);
        }
        long min = Long.MAX_VALUE;
        for (int i = 0; i < samples.count(); i++) {
            min = Math.min(min, samples.pts(i));
        }
        return min;
    }

    /** The largest time this track reaches from the origin (clock units), for validation. */
    long lastTime() {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < samples.count(); i++) {
            max = Math.max(max, presentationTime(i));
        }
        return max;
    }

    @Override
    public long id() {
        return pid;
    }

    @Override
    public TrackFormat format() {
        return format;
    }

    @Override
    public int sampleCount() {
        return samples.count();
    }

    @Override
    public long presentationTime(int sample) {
        long time = rescale(samples.pts(sample) - start, clockRate, MPEG_CLOCK);
        return audio ? time + (long) samples.detail(sample) * AAC_FRAME : time;
    }

    @Override
    public long decodeTime(int sample) {
        return audio ? presentationTime(sample)
                : rescale(samples.pts(sample) - samples.detail(sample) - start, clockRate, MPEG_CLOCK);
    }

    @Override
    public SyncSamples syncSamples() {
        return samples.sync();
    }

    /** From the origin to the end of the last sample shown (its duration: the last decode step, or an AAC frame). */
    @Override
    public Duration duration() {
        return duration;
    }

    @Override
    public long totalBytes() {
        return samples.totalBytes();
    }

    TsSamples samples() {
        return samples;
    }

    int pid() {
        return pid;
    }

    private long end() {
        int last = samples.count() - 1;
        if (audio) {
            return presentationTime(last) + AAC_FRAME;
        }
        long step = last > 0 ? decodeTime(last) - decodeTime(last - 1) : 0;
        return lastTime() + Math.max(0, step);
    }
}
