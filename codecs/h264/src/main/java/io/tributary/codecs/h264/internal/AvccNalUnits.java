package io.tributary.codecs.h264.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Splits an access unit in AVCC layout (NAL units with 4-byte big-endian length prefixes). */
final class AvccNalUnits {
    static final int LENGTH_SIZE = 4;

    private AvccNalUnits() {
    }

    /**
     * The NAL units of {@code unit}'s remaining bytes, as slices sharing its content (no copy).
     * Empty NAL units are left out.
     *
     * @throws IllegalArgumentException when a length prefix runs past the end of the unit
     */
    static List<ByteBuffer> split(ByteBuffer unit) {
        List<ByteBuffer> nals = new ArrayList<>();
        int pos = unit.position();
        int end = unit.limit();
        while (pos < end) {
            if (end - pos < LENGTH_SIZE) {
                throw new IllegalArgumentException("access unit ends with " + (end - pos)
                        + " bytes, too few for a NAL unit length");
            }
            long length = unit.getInt(pos) & 0xFFFF_FFFFL;
            pos += LENGTH_SIZE;
            if (length > end - pos) {
                throw new IllegalArgumentException("NAL unit length " + length + " exceeds the "
                        + (end - pos) + " bytes left in the access unit");
            }
            if (length > 0) {
                nals.add(unit.slice(pos, (int) length));
            }
            pos += (int) length;
        }
        return nals;
    }
}
