package io.tributary.sources.file.internal.mkv;

import java.io.IOException;

/**
 * The frames of a laced block (RFC 9559 §10.3): after the block header, a frame count and,
 * for Xiph and EBML lacing, the sizes of all frames but the last; fixed-size lacing splits the
 * data evenly. Every size is checked against the block's end.
 */
final class Lacing {
    static final int NONE = 0;
    static final int XIPH = 1;
    static final int FIXED = 2;
    static final int EBML = 3;

    private Lacing() {
    }

    /**
     * The frames of a block.
     *
     * @param mode  the lacing bits of the block flags
     * @param at    position after the flags byte
     * @param end   position after the block
     * @return frames: {@code [0]} data start of the first frame, then the size of each frame
     */
    static long[] frames(EbmlInput in, int mode, long at, long end) throws IOException {
        if (mode == NONE) {
            return new long[] {at, end - at};
        }
        if (at >= end) {
            throw new IOException("laced block at " + at + " without a frame count");
        }
        int count = in.u8(at++) + 1;
        long[] frames = new long[count + 1];
        long total = 0;
        switch (mode) {
            case XIPH -> {
                for (int i = 1; i < count; i++) {
                    long size = 0;
                    int b;
                    do {
                        if (at >= end) {
                            throw new IOException("Xiph lace sizes run past the end of the block");
                        }
                        b = in.u8(at++);
                        size += b;
                    } while (b == 255);
                    frames[i] = size;
                    total += size;
                }
            }
            case EBML -> {
                long size = 0;
                for (int i = 1; i < count; i++) {
                    if (at >= end) {
                        throw new IOException("EBML lace sizes run past the end of the block");
                    }
                    int first = in.u8(at);
                    int length = Integer.numberOfLeadingZeros(first) - 23;
                    if (first == 0 || end - at < length) {
                        throw new IOException("invalid EBML lace size at " + at);
                    }
                    long value = first & (0xFF >> length);
                    for (int k = 1; k < length; k++) {
                        value = value << 8 | in.u8(at + k);
                    }
                    at += length;
                    // the first size is unsigned, the others differ from the previous by a signed value
                    size = i == 1 ? value : size + value - ((1L << (7 * length - 1)) - 1);
                    if (size < 0 || size > end - at) {
                        throw new IOException("EBML lace size " + size + " does not fit the block");
                    }
                    frames[i] = size;
                    total += size;
                }
            }
            case FIXED -> {
                if ((end - at) % count != 0) {
                    throw new IOException((end - at) + " bytes of fixed-size lacing do not split into " + count
                            + " frames");
                }
                for (int i = 1; i < count; i++) {
                    frames[i] = (end - at) / count;
                    total += frames[i];
                }
            }
            default -> throw new IllegalArgumentException("lacing " + mode);
        }
        if (total > end - at) {
            throw new IOException("lace sizes of " + total + " bytes exceed the block");
        }
        frames[0] = at;
        frames[count] = end - at - total;
        return frames;
    }
}
