package io.tributary.codecs.vpx.internal;

import java.nio.ByteBuffer;

/**
 * What a VP8 frame says about itself in its first bytes (RFC 6386 §9.1): the 3-byte frame
 * tag and, for a keyframe, the start code and the picture size.
 *
 * @param keyframe           frame tag bit P is 0: the frame is decodable on its own
 * @param firstPartitionSize size of the first partition, after the frame tag (and keyframe header)
 * @param width              picture width in pixels for a keyframe, 0 for an inter frame
 * @param height             picture height in pixels for a keyframe, 0 for an inter frame
 */
record Vp8FrameHeader(boolean keyframe, int firstPartitionSize, int width, int height) {
    /** The frame tag's size. */
    static final int TAG_SIZE = 3;
    /** Frame tag, start code and the two size fields of a keyframe. */
    static final int KEYFRAME_HEADER_SIZE = 10;

    /**
     * Reads the header of the frame between {@code frame}'s position and limit (the buffer is not moved).
     *
     * @throws IllegalArgumentException when the frame is too short for its header, a keyframe lacks
     *                                  the start code or has no size, or the first partition does not fit
     */
    static Vp8FrameHeader parse(ByteBuffer frame) {
        int at = frame.position();
        int size = frame.remaining();
        if (size < TAG_SIZE) {
            throw new IllegalArgumentException("VP8 frame of " + size + " bytes has no 3-byte frame tag");
        }
        int tag = (frame.get(at) & 0xFF) | (frame.get(at + 1) & 0xFF) << 8 | (frame.get(at + 2) & 0xFF) << 16;
        boolean keyframe = (tag & 1) == 0;
        int firstPartitionSize = tag >>> 5;
        int header = keyframe ? KEYFRAME_HEADER_SIZE : TAG_SIZE;
        if (size < header) {
            throw new IllegalArgumentException("VP8 keyframe of " + size + " bytes has no start code and size");
        }
        int width = 0;
        int height = 0;
        if (keyframe) {
            if ((frame.get(at + 3) & 0xFF) != 0x9D || frame.get(at + 4) != 0x01 || frame.get(at + 5) != 0x2A) {
                throw new IllegalArgumentException(String.format(
                        "VP8 keyframe start code is %02x %02x %02x, not 9d 01 2a",
                        frame.get(at + 3), frame.get(at + 4), frame.get(at + 5)));
            }
            // 14 bits of size, 2 bits of upscaling that the decoder applies after decoding
            width = ((frame.get(at + 6) & 0xFF) | (frame.get(at + 7) & 0xFF) << 8) & 0x3FFF;
            height = ((frame.get(at + 8) & 0xFF) | (frame.get(at + 9) & 0xFF) << 8) & 0x3FFF;
            if (width == 0 || height == 0) {
                throw new IllegalArgumentException("VP8 keyframe of " + width + "x" + height + " pixels");
            }
        }
        if (firstPartitionSize > size - header) {
            throw new IllegalArgumentException("VP8 first partition of " + firstPartitionSize + " bytes in a frame of "
                    + size);
        }
        return new Vp8FrameHeader(keyframe, firstPartitionSize, width, height);
    }

    /** Whether the frame is a keyframe; see {@link #parse}. */
    static boolean isKeyframe(ByteBuffer frame) {
        return parse(frame).keyframe();
    }
}
