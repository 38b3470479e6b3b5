package io.tributary.rtsp.sdp;

import java.util.Objects;

/** {@code b=<type>:<kbit/s>}, e.g. {@code b=AS:5000}. */
public record Bandwidth(String type, long value) {
    public Bandwidth {
        Objects.requireNonNull(type, "type");
        if (value < 0) {
            throw new IllegalArgumentException("negative bandwidth");
        }
    }
}
