package io.tributary.sources.file.internal.container;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An open, indexed media file of one container format (MP4/MOV, Matroska/WebM, MPEG-TS): its
 * playable tracks and their samples, read on demand. Thread-safe: samples may be read by
 * several threads at once.
 */
public interface ContainerFile extends Closeable {
    /** The container format for messages: {@code MP4 (isom)}, {@code Matroska (webm)}, {@code MPEG-TS}. */
    String format();

    List<? extends ContainerTrack> tracks();

    /** When the recording started, as the container says ({@code mvhd}, {@code DateUTC}); empty when it does not. */
    Optional<Instant> created();

    /**
     * Reads one sample into a fresh heap buffer in the layout
     * {@link io.tributary.api.media.AccessUnit} defines for its encoding (H.264/H.265: NAL units
     * with 4-byte length prefixes). May block.
     *
     * @throws IOException when the file cannot be read or the sample is malformed
     */
    ByteBuffer read(int track, int sample) throws IOException;
}
