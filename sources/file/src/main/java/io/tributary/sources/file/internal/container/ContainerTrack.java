package io.tributary.sources.file.internal.container;

import java.time.Duration;

/**
 * One playable track of a stored file, whatever its container: its format and its samples,
 * numbered from 0 in decode order, with times in the RTP clock of its encoding
 * ({@link io.tributary.api.media.Encoding#clockRate()}) on a timeline shared by all tracks of
 * the file (presentation time 0 is where playback starts). Immutable.
 */
public interface ContainerTrack {
    /** The track's number in the file (MP4 track id, Matroska track number, TS PID), for messages. */
    long id();

    TrackFormat format();

    int sampleCount();

    /** Presentation time of a sample in clock units. */
    long presentationTime(int sample);

    /** Decode time of a sample in clock units, never after its presentation time. */
    long decodeTime(int sample);

    /** Which samples are sync samples (keyframes; all of audio). */
    SyncSamples syncSamples();

    default boolean isSync(int sample) {
        return syncSamples().contains(sample);
    }

    /**
     * The last sync sample presented at or before {@code time} (clock units): for video the
     * keyframe to start from, for audio (all sync) the frame playing at that time; 0 when none is.
     * Assumes that sync samples are presented in decode order ({@link SyncSamples#seekIndex}).
     */
    default int seekIndex(long time) {
        return syncSamples().seekIndex(time, this::presentationTime);
    }

    /** How long the track plays. */
    Duration duration();

    /** Bytes of all samples, as read (with any bytes the container stripped put back). */
    long totalBytes();

    /** Average bitrate in bit/s over the duration, 0 when unknown. */
    default long bitrate() {
        return Timescale.bitrate(totalBytes(), duration());
    }
}
