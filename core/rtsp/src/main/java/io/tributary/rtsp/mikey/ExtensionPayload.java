package io.tributary.rtsp.mikey;

import java.util.Arrays;
import java.util.Objects;

/**
 * A general extension payload (RFC 3830 §6.15), kept as bytes: the one payload of unknown
 * meaning a parser can skip, since it says its length.
 *
 * @param type 8 bits
 */
public record ExtensionPayload(int type, byte[] data) implements MikeyPayload {
    public ExtensionPayload {
        Objects.requireNonNull(data, "data");
        if (type < 0 || type > 0xFF || data.length > 0xFFFF) {
            throw new IllegalArgumentException("type is 8 bits, data at most 65535 bytes");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtensionPayload other && type == other.type && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ExtensionPayload[type=" + type + ", " + data.length + " bytes]";
    }
}
