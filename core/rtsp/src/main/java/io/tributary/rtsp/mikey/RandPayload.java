package io.tributary.rtsp.mikey;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** The RAND payload (RFC 3830 §6.11): fresh random bytes, at most 255. */
public record RandPayload(byte[] value) implements MikeyPayload {
    public RandPayload {
        Objects.requireNonNull(value, "value");
        if (value.length > 0xFF) {
            throw new IllegalArgumentException("RAND holds at most 255 bytes");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RandPayload other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RandPayload[" + HexFormat.of().formatHex(value) + "]";
    }
}
