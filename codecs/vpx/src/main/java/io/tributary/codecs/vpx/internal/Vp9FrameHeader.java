package io.tributary.codecs.vpx.internal;

import java.nio.ByteBuffer;

/**
 * The start of a VP9 frame's uncompressed header (VP9 bitstream specification §6.2), as far as
 * a payload format needs it: the profile, whether the frame only shows an earlier one, whether
 * it is a keyframe and, for a keyframe, its size.
 *
 * @param profile           0 to 3
 * @param showExistingFrame the frame only repeats a decoded frame ({@code show_existing_frame})
 * @param keyframe          {@code frame_type} is KEY_FRAME (never with {@code showExistingFrame})
 * @param width             picture width in pixels for a keyframe, else 0
 * @param height            picture height in pixels for a keyframe, else 0
 */
record Vp9FrameHeader(int profile, boolean showExistingFrame, boolean keyframe, int width, int height) {
    private static final int FRAME_MARKER = 2;
    private static final int SYNC_CODE = 0x498342;
    private static final int CS_RGB = 7;

    /**
     * Reads the header of the single frame between {@code frame}'s position and limit (not moved).
     *
     * @throws IllegalArgumentException when the frame marker or a keyframe's sync code is wrong, a
     *                                  reserved bit is set or the frame ends inside the fields read
     */
    static Vp9FrameHeader parse(ByteBuffer frame) {
        Bits bits = new Bits(frame);
        int marker = bits.read(2);
        if (marker != FRAME_MARKER) {
            throw new IllegalArgumentException("VP9 frame marker is " + marker + ", not 2");
        }
        int low = bits.read(1);
        int profile = bits.read(1) << 1 | low;
        if (profile == 3 && bits.read(1) != 0) {
            throw new IllegalArgumentException("VP9 profile 3 frame with its reserved bit set");
        }
        if (bits.read(1) == 1) {
            bits.read(3); // frame_to_show_map_idx: which frame is shown does not matter here
            return new Vp9FrameHeader(profile, true, false, 0, 0);
        }
        boolean keyframe = bits.read(1) == 0;
        bits.read(2); // show_frame, error_resilient_mode
        if (!keyframe) {
            return new Vp9FrameHeader(profile, false, false, 0, 0);
        }
        int sync = bits.read(24);
        if (sync != SYNC_CODE) {
            throw new IllegalArgumentException(String.format("VP9 keyframe sync code is %06x, not 498342", sync));
        }
        readColorConfig(bits, profile);
        int width = bits.read(16) + 1;
        int height = bits.read(16) + 1;
        return new Vp9FrameHeader(profile, false, true, width, height);
    }

    /**
     * The header of a unit's first frame: of the whole unit, or of the first frame of a superframe.
     *
     * @throws IllegalArgumentException see {@link Vp9Superframe#frames} and {@link #parse}
     */
    static Vp9FrameHeader ofUnit(ByteBuffer unit) {
        return parse(Vp9Superframe.frames(unit).getFirst());
    }

    /** Whether a unit starts with a keyframe; see {@link #ofUnit}. */
    static boolean isKeyframe(ByteBuffer unit) {
        return ofUnit(unit).keyframe();
    }

    /** Skips {@code color_config()} (§6.2.2), checking its reserved bits. */
    private static void readColorConfig(Bits bits, int profile) {
        if (profile >= 2) {
            bits.read(1); // ten_or_twelve_bit
        }
        int colorSpace = bits.read(3);
        boolean chromaSubsamplingCoded = profile == 1 || profile == 3;
        if (colorSpace != CS_RGB) {
            bits.read(1); // color_range
            if (chromaSubsamplingCoded) {
                bits.read(2); // subsampling_x, subsampling_y
                reservedZero(bits);
            }
        } else if (chromaSubsamplingCoded) {
            reservedZero(bits);
        }
    }

    private static void reservedZero(Bits bits) {
        if (bits.read(1) != 0) {
            throw new IllegalArgumentException("VP9 color config with its reserved bit set");
        }
    }

    /** Most significant bit first, as VP9's f(n) reads. */
    private static final class Bits {
        private final ByteBuffer data;
        private long bit;

        Bits(ByteBuffer data) {
            this.data = data;
        }

        int read(int count) {
            if (bit + count > 8L * data.remaining()) {
                throw new IllegalArgumentException("VP9 frame of " + data.remaining() + " bytes ends inside its header");
            }
            int value = 0;
            for (int i = 0; i < count; i++, bit++) {
                int octet = data.get(data.position() + (int) (bit >>> 3));
                value = value << 1 | (octet >>> (7 - (int) (bit & 7)) & 1);
            }
            return value;
        }
    }
}
