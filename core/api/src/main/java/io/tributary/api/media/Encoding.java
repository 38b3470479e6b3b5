package io.tributary.api.media;

import java.util.Locale;
import java.util.Objects;

/**
 * An RTP encoding as named in SDP {@code rtpmap}: {@code H264/90000}, {@code MPEG4-GENERIC/48000/2}.
 *
 * @param name      encoding name, upper-case (the key payload formats register under)
 * @param clockRate RTP clock rate in Hz
 * @param channels  audio channels, 0 when not applicable
 */
public record Encoding(String name, int clockRate, int channels) {
    public Encoding {
        Objects.requireNonNull(name, "name");
        name = name.toUpperCase(Locale.ROOT);
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive");
        }
        if (channels < 0) {
            throw new IllegalArgumentException("channels must be >= 0");
        }
    }

    /** The {@code rtpmap} value after the payload type: {@code H264/90000}, {@code MPEG4-GENERIC/48000/2}. */
    public String rtpmap() {
        return channels > 0 ? name + "/" + clockRate + "/" + channels : name + "/" + clockRate;
    }
}
