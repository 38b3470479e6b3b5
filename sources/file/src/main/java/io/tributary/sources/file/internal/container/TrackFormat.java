package io.tributary.sources.file.internal.container;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import java.nio.ByteBuffer;

/**
 * What a track carries, mapped to its RTP encoding.
 *
 * @param type          SDP media type
 * @param encoding      RTP encoding and clock
 * @param codecConfig   decoder configuration as the payload format expects it ({@code avcC},
 *                      {@code hvcC} with 4-byte NAL lengths declared; AudioSpecificConfig;
 *                      {@code dOps}), read-only
 * @param width         video width in pixels, 0 for audio
 * @param height        video height in pixels, 0 for audio
 * @param nalLengthSize size of the NAL unit length prefixes in the stored samples (1 to 4), 0
 *                      when the samples are not NAL units
 */
public record TrackFormat(MediaType type, Encoding encoding, ByteBuffer codecConfig, int width, int height,
                          int nalLengthSize) {
    public TrackFormat {
        codecConfig = codecConfig.asReadOnlyBuffer();
    }
}
