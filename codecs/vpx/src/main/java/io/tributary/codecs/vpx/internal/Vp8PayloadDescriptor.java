package io.tributary.codecs.vpx.internal;

import java.nio.ByteBuffer;

/**
 * The VP8 payload descriptor (RFC 7741 §4.2):
 * {@code X R N S R PID(3)}, then when X: {@code I L T K RSV(4)}, then when I a 7- or 15-bit
 * PictureID (first bit M: 15 bits), when L {@code TL0PICIDX}, when T or K
 * {@code TID(2) Y KEYIDX(5)}.
 */
final class Vp8PayloadDescriptor {
    /** What {@link #write} writes: the first octet alone, X = 0. */
    static final int WRITTEN_SIZE = 1;
    private static final int X = 0x80;
    private static final int S = 0x10;
    private static final int PARTITION_INDEX = 0x07;
    private static final int I = 0x80;
    private static final int L = 0x40;
    private static final int T = 0x20;
    private static final int K = 0x10;
    private static final int M = 0x80;

    private Vp8PayloadDescriptor() {
    }

    /** See {@link PayloadDescriptor.Reader#read}. */
    static PayloadDescriptor read(ByteBuffer payload) {
        int at = payload.position();
        int end = payload.limit();
        if (at >= end) {
            return null;
        }
        int first = payload.get(at++);
        if ((first & X) != 0) {
            if (at >= end) {
                return null;
            }
            int extension = payload.get(at++);
            if ((extension & I) != 0) {
                if (at >= end) {
                    return null;
                }
                at += (payload.get(at) & M) != 0 ? 2 : 1;
            }
            if ((extension & L) != 0) {
                at++;
            }
            if ((extension & (T | K)) != 0) {
                at++;
            }
        }
        if (at >= end) {
            return null;
        }
        boolean start = (first & S) != 0 && (first & PARTITION_INDEX) == 0;
        return new PayloadDescriptor(start, at - payload.position());
    }

    /**
     * Writes the descriptor of one packet of a frame: one octet, S on the frame's first packet
     * (partition index 0 always: partitions are not told apart). No extension: a PictureID
     * would have to be counted across frames, which a packetizer must not do
     * ({@link VpxPacketizer}).
     */
    static void write(ByteBuffer out, boolean first) {
        out.put((byte) (first ? S : 0));
    }
}
