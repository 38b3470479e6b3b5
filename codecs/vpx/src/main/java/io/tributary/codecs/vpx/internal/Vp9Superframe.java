package io.tributary.codecs.vpx.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a VP9 unit into its frames (VP9 bitstream specification Annex B): a superframe ends in
 * an index, its marker byte {@code 110mmfff} at both ends of the index, then one little-endian
 * size of {@code mm + 1} bytes for each of its {@code fff + 1} frames.
 */
final class Vp9Superframe {
    private Vp9Superframe() {
    }

    /**
     * The frames of the unit between {@code unit}'s position and limit, as views (the buffer is
     * not moved): the unit itself when it has no superframe index.
     *
     * @throws IllegalArgumentException when the unit is empty or an index lists an empty frame or
     *                                  more bytes than there are before it
     */
    static List<ByteBuffer> frames(ByteBuffer unit) {
        int size = unit.remaining();
        if (size == 0) {
            throw new IllegalArgumentException("empty VP9 unit");
        }
        int start = unit.position();
        int marker = unit.get(unit.limit() - 1) & 0xFF;
        if ((marker & 0xE0) != 0xC0) {
            return List.of(unit.slice());
        }
        int count = (marker & 7) + 1;
        int sizeBytes = (marker >>> 3 & 3) + 1;
        int indexSize = 2 + sizeBytes * count;
        if (indexSize > size || (unit.get(unit.limit() - indexSize) & 0xFF) != marker) {
            // no index after all: the last byte of the frame's data merely looks like a marker
            return List.of(unit.slice());
        }
        List<ByteBuffer> frames = new ArrayList<>(count);
        int at = start;
        int entry = unit.limit() - indexSize + 1;
        int end = unit.limit() - indexSize;
        for (int i = 0; i < count; i++) {
            long frameSize = 0;
            for (int b = 0; b < sizeBytes; b++) {
                frameSize |= (unit.get(entry++) & 0xFFL) << (8 * b);
            }
            if (frameSize == 0 || frameSize > end - at) {
                throw new IllegalArgumentException("VP9 superframe index lists frame " + i + " of " + frameSize
                        + " bytes where " + (end - at) + " are left");
            }
            frames.add(unit.slice(at, (int) frameSize));
            at += (int) frameSize;
        }
        return frames;
    }
}
