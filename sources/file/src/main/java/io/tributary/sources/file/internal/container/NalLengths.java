package io.tributary.sources.file.internal.container;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Rewrites a sample of length-prefixed NAL units (H.264/H.265 in MP4) whose prefixes are 1,
 * 2 or 3 bytes long to the 4-byte prefixes that {@link io.tributary.api.media.AccessUnit} defines.
 */
public final class NalLengths {
    private NalLengths() {
    }

    /**
     * A stored sample in the layout {@link io.tributary.api.media.AccessUnit} defines: NAL units
     * with shorter length prefixes rewritten, anything else (4-byte prefixes, not NAL units) as it is.
     *
     * @param lengthSize the stored prefix size ({@link TrackFormat#nalLengthSize()}), 0 when the
     *                   sample is not NAL units
     */
    public static ByteBuffer toAccessUnit(ByteBuffer sample, int lengthSize) throws IOException {
        return lengthSize == 0 || lengthSize == 4 ? sample : toFourByteLengths(sample, lengthSize);
    }

    /**
     * @param sample     the stored sample, from position to limit
     * @param lengthSize the stored prefix size, 1 to 3
     * @return a fresh buffer of exactly the rewritten size, positioned at 0
     * @throws IOException when a NAL unit length runs past the end of the sample
     */
    public static ByteBuffer toFourByteLengths(ByteBuffer sample, int lengthSize) throws IOException {
        int start = sample.position();
        int units = 0;
        for (int at = start; at < sample.limit(); units++) {
            at += lengthSize + unitLength(sample, at, lengthSize);
        }
        ByteBuffer out = ByteBuffer.allocate(sample.remaining() + units * (4 - lengthSize));
        for (int at = start; at < sample.limit(); ) {
            int length = unitLength(sample, at, lengthSize);
            out.putInt(length).put(sample.slice(at + lengthSize, length));
            at += lengthSize + length;
        }
        return out.flip();
    }

    private static int unitLength(ByteBuffer sample, int at, int lengthSize) throws IOException {
        if (sample.limit() - at < lengthSize) {
            throw new IOException("NAL unit length prefix cut off at byte " + (at - sample.position()));
        }
        int length = 0;
        for (int i = 0; i < lengthSize; i++) {
            length = length << 8 | sample.get(at + i) & 0xFF;
        }
        if (length > sample.limit() - at - lengthSize) {
            throw new IOException("NAL unit of " + length + " bytes runs past the end of the sample");
        }
        return length;
    }
}
