package io.tributary.api.source;

import io.tributary.api.media.AccessUnit;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Random access to the samples of a stored media (VOD). Samples of each track are numbered
 * from 0 in decode order. Because samples are addressed by index, the engine can share
 * what it reads and packetizes between every session at the same position.
 *
 * <p>All methods may be called from several threads at once. {@link #read} may block on
 * I/O; the engine calls it off the I/O threads.
 */
@ConsumerType
public non-sealed interface SeekableSource extends MediaSource {
    /** Number of samples in a track. */
    int sampleCount(int track);

    /**
     * The sample to start from to play a track from {@code time} (in the track's clock
     * units from the start of the media): for video the last sync sample at or before it,
     * for audio the last sample starting at or before it. 0 for times before the start.
     */
    int seekIndex(int track, long time);

    /** Decode time of a sample in the track's clock units, without reading its data. */
    long decodeTime(int track, int index);

    /**
     * Presentation time of a sample in the track's clock units, without reading its data:
     * where a seek to this sample starts on the normal play time line.
     */
    long presentationTime(int track, int index);

    /** Reads one sample; may block. */
    AccessUnit read(int track, int index) throws IOException;

    /**
     * The wall-clock time the start of the media corresponds to (normal play time 0), for seeks
     * by absolute time ({@code Range: clock=…}, RFC 2326 §3.7): when it was recorded, as the
     * container says ({@code mvhd} creation time of MP4/MOV, {@code DateUTC} of Matroska) or as
     * configured; empty when the source cannot say, and such a seek is then refused (457).
     */
    default Optional<Instant> wallClockStart() {
        return Optional.empty();
    }
}
