package io.tributary.api.payload.nal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Splits an access unit of NAL units with 4-byte big-endian length prefixes (AVCC/HVCC layout). */
public final class NalUnits {
    /** Size of each NAL unit's length prefix in an access unit. */
    public static final int LENGTH_SIZE = 4;

    private NalUnits() {
    }

    /**
     * The NAL units of {@code unit}'s remaining bytes, as slices sharing its content (no copy).
     * Empty NAL units are left out.
     *
     * @throws IllegalArgumentException when a length prefix runs past the end of the unit
     */
    public static List<ByteBuffer> split(ByteBuffer unit) {
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
