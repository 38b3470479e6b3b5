package io.tributary.sources.file.internal.ts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Rewrites an access unit in the Annex B byte stream format (start codes) to NAL units with
 * 4-byte length prefixes, as {@link io.tributary.api.media.AccessUnit} defines them. Trailing
 * zero bytes before a start code belong to no NAL unit and are dropped.
 */
final class AnnexB {
    private AnnexB() {
    }

    /**
     * @throws IOException when the bytes do not start with a start code or hold no NAL unit
     */
    static ByteBuffer toLengthPrefixed(byte[] es, int length) throws IOException {
        int[] units = new int[16]; // start and end of each unit, in pairs
        int count = 0;
        int unitStart = -1;
        int zeros = 0;
        for (int i = 0; i < length; i++) {
            int v = es[i] & 0xFF;
            if (v == 0) {
                zeros++;
                continue;
            }
            if (v == 1 && zeros >= 2) {
                if (unitStart >= 0) {
                    count = add(units, count, unitStart, i - zeros);
                    units = grow(units, count);
                }
                unitStart = i + 1;
            } else if (unitStart < 0) {
                throw new IOException("access unit does not start with an Annex B start code");
            }
            zeros = 0;
        }
        if (unitStart < 0) {
            throw new IOException("access unit without an Annex B start code");
        }
        count = add(units, count, unitStart, length - zeros);
        int size = 0;
        for (int u = 0; u < count; u++) {
            size += 4 + units[2 * u + 1] - units[2 * u];
        }
        if (size == 0) {
            throw new IOException("access unit without NAL units");
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (int u = 0; u < count; u++) {
            out.putInt(units[2 * u + 1] - units[2 * u]).put(es, units[2 * u], units[2 * u + 1] - units[2 * u]);
        }
        return out.flip();
    }

    /** Adds unit {@code [start, end)} when it is not empty (two start codes in a row). */
    private static int add(int[] units, int count, int start, int end) {
        if (end <= start) {
            return count;
        }
        units[2 * count] = start;
        units[2 * count + 1] = end;
        return count + 1;
    }

    private static int[] grow(int[] units, int count) {
        return 2 * count + 2 > units.length ? Arrays.copyOf(units, units.length * 2) : units;
    }
}
