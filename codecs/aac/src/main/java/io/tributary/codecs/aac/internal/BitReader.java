package io.tributary.codecs.aac.internal;

import java.nio.ByteBuffer;

/** Reads big-endian bit fields from a buffer's remaining bytes. */
final class BitReader {
    private final ByteBuffer bytes;
    private final String what;
    private long bitPosition;

    /** @param what what is being read, for the message when it ends too early */
    BitReader(ByteBuffer bytes, String what) {
        this.bytes = bytes.slice();
        this.what = what;
    }

    /**
     * The next {@code count} bits (at most 31) as an unsigned value.
     *
     * @throws IllegalArgumentException when fewer bits remain
     */
    int read(int count) {
        if (bitPosition + count > 8L * bytes.limit()) {
            throw new IllegalArgumentException(what + " ends after " + bytes.limit() + " bytes, "
                    + "a field at bit " + bitPosition + " needs " + count + " bits");
        }
        int value = 0;
        for (int i = 0; i < count; i++, bitPosition++) {
            int bit = bytes.get((int) (bitPosition >>> 3)) >>> (7 - (int) (bitPosition & 7)) & 1;
            value = value << 1 | bit;
        }
        return value;
    }
}
