package io.tributary.api.media;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One track of a media: what a payload format needs to describe it in SDP and to
 * packetize its access units.
 *
 * @param index       position in {@link MediaDescription#tracks()}, also its control id
 *                    ({@code trackID=<index>})
 * @param type        SDP media type
 * @param encoding    RTP encoding (name and clock)
 * @param codecConfig decoder configuration in the container's form, read-only; its layout is
 *                    defined per encoding by the payload format (H264: {@code avcC} record,
 *                    MPEG4-GENERIC: AudioSpecificConfig); empty when none
 * @param width       video width in pixels, 0 if unknown or not video
 * @param height      video height in pixels, 0 if unknown or not video
 * @param bitrate     average bitrate in bit/s, 0 if unknown
 */
public record TrackDescription(int index, MediaType type, Encoding encoding, ByteBuffer codecConfig,
                               int width, int height, long bitrate) {
    public TrackDescription {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(encoding, "encoding");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0");
        }
        codecConfig = codecConfig == null ? ByteBuffer.allocate(0).asReadOnlyBuffer() : codecConfig.asReadOnlyBuffer();
    }

    /** A fresh read-only view of {@link #codecConfig()} positioned at its start. */
    public ByteBuffer codecConfigView() {
        return codecConfig.duplicate();
    }
}
