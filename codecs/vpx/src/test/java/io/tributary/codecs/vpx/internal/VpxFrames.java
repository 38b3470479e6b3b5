package io.tributary.codecs.vpx.internal;

import java.nio.ByteBuffer;
import java.util.Random;

/** Frames with valid VP8 and VP9 headers and random data, for tests. */
final class VpxFrames {
    private VpxFrames() {
    }

    /** A shown VP8 frame of {@code size} bytes (at least 10 for a keyframe, 3 otherwise), its first partition all of it. */
    static ByteBuffer vp8(boolean keyframe, int size, int width, int height, Random random) {
        byte[] frame = new byte[size];
        random.nextBytes(frame);
        int header = keyframe ? Vp8FrameHeader.KEYFRAME_HEADER_SIZE : Vp8FrameHeader.TAG_SIZE;
        int tag = (keyframe ? 0 : 1) | 1 << 4 | (size - header) << 5;
        frame[0] = (byte) tag;
        frame[1] = (byte) (tag >>> 8);
        frame[2] = (byte) (tag >>> 16);
        if (keyframe) {
            frame[3] = (byte) 0x9D;
            frame[4] = 0x01;
            frame[5] = 0x2A;
            frame[6] = (byte) width;
            frame[7] = (byte) (width >>> 8);
            frame[8] = (byte) height;
            frame[9] = (byte) (height >>> 8);
        }
        return ByteBuffer.wrap(frame);
    }

    /** A shown profile 0 VP9 frame of {@code size} bytes (at least 10 for a keyframe, 1 otherwise). */
    static ByteBuffer vp9(boolean keyframe, int size, int width, int height, Random random) {
        byte[] frame = new byte[size];
        random.nextBytes(frame);
        if (size > (keyframe ? 10 : 1)) {
            frame[size - 1] = 0; // no superframe marker by chance
        }
        BitWriter bits = new BitWriter(frame);
        bits.write(2, 2); // frame_marker
        bits.write(0, 2); // profile 0
        bits.write(0, 1); // show_existing_frame
        bits.write(keyframe ? 0 : 1, 1); // frame_type
        bits.write(1, 1); // show_frame
        bits.write(0, 1); // error_resilient_mode
        if (keyframe) {
            bits.write(0x498342, 24);
            bits.write(2, 3); // color_space BT.709
            bits.write(0, 1); // color_range
            bits.write(width - 1, 16);
            bits.write(height - 1, 16);
        }
        return ByteBuffer.wrap(frame);
    }

    /** A one-byte VP9 frame that shows reference frame {@code index} again. */
    static ByteBuffer vp9ShowExisting(int index) {
        return ByteBuffer.wrap(new byte[] {(byte) (0x88 | index)});
    }

    /** The frames as one superframe: their bytes, then an index with 2-byte sizes. */
    static ByteBuffer superframe(ByteBuffer... frames) {
        int marker = 0xC0 | 1 << 3 | (frames.length - 1);
        int data = 0;
        for (ByteBuffer frame : frames) {
            data += frame.remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(data + 2 + 2 * frames.length);
        for (ByteBuffer frame : frames) {
            out.put(frame.duplicate());
        }
        out.put((byte) marker);
        for (ByteBuffer frame : frames) {
            out.put((byte) frame.remaining()).put((byte) (frame.remaining() >>> 8));
        }
        out.put((byte) marker);
        return out.flip();
    }

    private static final class BitWriter {
        private final byte[] data;
        private int bit;

        BitWriter(byte[] data) {
            this.data = data;
        }

        void write(int value, int count) {
            for (int i = count - 1; i >= 0; i--, bit++) {
                int mask = 0x80 >>> (bit & 7);
                if ((value >>> i & 1) != 0) {
                    data[bit >>> 3] |= (byte) mask;
                } else {
                    data[bit >>> 3] &= (byte) ~mask;
                }
            }
        }
    }
}
