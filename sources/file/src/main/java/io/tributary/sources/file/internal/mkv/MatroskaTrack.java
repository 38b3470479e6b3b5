package io.tributary.sources.file.internal.mkv;

import static io.tributary.sources.file.internal.container.Timescale.rescale;

import io.tributary.api.media.MediaType;
import io.tributary.sources.file.internal.container.ContainerTrack;
import io.tributary.sources.file.internal.container.SyncSamples;
import io.tributary.sources.file.internal.container.Timescale;
import io.tributary.sources.file.internal.container.TrackFormat;
import java.time.Duration;

/**
 * One playable track of a Matroska/WebM file: its frames in decode order and their times in the
 * RTP clock of its encoding. Immutable.
 *
 * <h2>Timeline</h2>
 * Presentation time 0 is Segment time 0, as players show it. Each frame's time is its block
 * time (Cluster timestamp plus the block's relative timestamp, in TimestampScale units; laced
 * frames spread over the block's duration) minus the track's CodecDelay, so the Opus pre-skip
 * plays before the start as the AAC priming frame does in MP4; every time is converted from
 * nanoseconds on its own (rounded half up), so rounding never accumulates. Decode times are
 * derived ({@link DecodeTimes}). Audio frames are all sync samples.
 */
final class MatroskaTrack implements ContainerTrack {
    private final long id;
    private final TrackFormat format;
    private final byte[] prefix;
    private final long[] offsets;
    private final int[] sizes;
    private final long[] presentationTimes;
    private final long[] decodeTimes;
    private final SyncSamples syncSamples;
    private final Duration duration;
    private final long totalBytes;

    private MatroskaTrack(long id, TrackFormat format, byte[] prefix, long[] offsets, int[] sizes,
                          long[] presentationTimes, SyncSamples syncSamples, Duration duration, long totalBytes) {
        this.id = id;
        this.format = format;
        this.prefix = prefix;
        this.offsets = offsets;
        this.sizes = sizes;
        this.presentationTimes = presentationTimes;
        this.decodeTimes = DecodeTimes.derive(presentationTimes);
        this.syncSamples = syncSamples;
        this.duration = duration;
        this.totalBytes = totalBytes;
    }

    /**
     * @param segmentDuration the Segment's Duration in ns, or -1 when the Info has none (then the
     *                        frames tell)
     */
    static MatroskaTrack create(TrackEntry entry, TrackFormat format, SampleList samples, long segmentDuration) {
        int n = samples.count();
        int clock = format.encoding().clockRate();
        boolean audio = format.type() == MediaType.AUDIO;
        long[] offsets = new long[n];
        int[] sizes = new int[n];
        long[] pts = new long[n];
        SyncSamples.Builder sync = new SyncSamples.Builder();
        long totalBytes = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = samples.offset(i);
            sizes[i] = samples.size(i);
            totalBytes += sizes[i] + entry.strippedHeader().length;
            pts[i] = rescale(samples.time(i) - entry.codecDelay(), clock, Timescale.NANOS);
            if (audio || samples.keyframe(i)) {
                sync.add(i);
            }
        }
        long end = segmentDuration >= 0 ? segmentDuration : samples.end(entry.defaultDuration()) - entry.codecDelay();
        return new MatroskaTrack(entry.number(), format, entry.strippedHeader(), offsets, sizes, pts,
                sync.build(n), Duration.ofNanos(Math.max(0, end)), totalBytes);
    }

    /** The TrackNumber, as blocks refer to the track. */
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
        return sizes.length;
    }

    @Override
    public long presentationTime(int sample) {
        return presentationTimes[sample];
    }

    @Override
    public long decodeTime(int sample) {
        return decodeTimes[sample];
    }

    @Override
    public SyncSamples syncSamples() {
        return syncSamples;
    }

    /** The Segment's Duration, else from 0 to the end of the track's last frame. */
    @Override
    public Duration duration() {
        return duration;
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    /** File position of a frame's stored bytes. */
    long offset(int sample) {
        return offsets[sample];
    }

    /** Stored size of a frame, without the stripped header. */
    int size(int sample) {
        return sizes[sample];
    }

    /** The bytes header stripping removed from the front of every frame; empty for most files. */
    byte[] prefix() {
        return prefix;
    }
}
