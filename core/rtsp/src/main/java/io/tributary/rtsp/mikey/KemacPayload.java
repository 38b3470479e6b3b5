package io.tributary.rtsp.mikey;

import java.util.List;

/**
 * The KEMAC payload (RFC 3830 §6.2) with NULL encryption and NULL MAC: the keys in the clear,
 * which RFC 4567 allows when the transport (RTSPS) protects the message, and the only form
 * GStreamer makes and reads.
 *
 * @param keys at least one
 */
public record KemacPayload(List<KeyData> keys) implements MikeyPayload {
    public KemacPayload {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a KEMAC carries at least one key");
        }
    }
}
