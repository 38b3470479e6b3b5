package io.tributary.codecs.vpx.internal;

import java.nio.ByteBuffer;

/**
 * The VP9 payload descriptor (RFC 9628 §4.2): {@code I P L F B E V Z}, then when I a 7- or
 * 15-bit picture ID (first bit M: 15 bits); when L the layer indices {@code TID(3) U SID(3) D}
 * and, in non-flexible mode (F = 0), {@code TL0PICIDX}; when F and P up to three reference
 * indices {@code P_DIFF(7) N}; when V the scalability structure: {@code N_S(3) Y G RES(3)},
 * when Y a 16-bit width and height per spatial layer, when G {@code N_G} and per picture
 * {@code TID(3) U R(2) RES(2)} followed by R {@code P_DIFF} octets.
 */
final class Vp9PayloadDescriptor {
    /** The largest descriptor {@link #write} writes: flags and one layer's SS with its size. */
    static final int MAX_WRITTEN_SIZE = 6;
    private static final int I = 0x80;
    private static final int P = 0x40;
    private static final int L = 0x20;
    private static final int F = 0x10;
    private static final int B = 0x08;
    private static final int E = 0x04;
    private static final int V = 0x02;
    private static final int M = 0x80;
    private static final int Y = 0x10;
    private static final int G = 0x08;
    private static final int MAX_REFERENCES = 3;

    private Vp9PayloadDescriptor() {
    }

    /** See {@link PayloadDescriptor.Reader#read}. */
    static PayloadDescriptor read(ByteBuffer payload) {
        Cursor in = new Cursor(payload);
        int flags = in.next();
        if (flags < 0) {
            return null;
        }
        if ((flags & I) != 0) {
            int id = in.next();
            if (id < 0 || (id & M) != 0 && in.next() < 0) {
                return null;
            }
        }
        int spatialLayer = 0;
        if ((flags & L) != 0) {
            int layers = in.next();
            if (layers < 0 || (flags & F) == 0 && in.next() < 0) {
                return null;
            }
            spatialLayer = layers >>> 1 & 7;
        }
        if ((flags & F) != 0 && (flags & P) != 0 && !skipReferences(in)) {
            return null;
        }
        if ((flags & V) != 0 && !skipScalabilityStructure(in)) {
            return null;
        }
        if (in.at >= payload.limit()) {
            return null;
        }
        return new PayloadDescriptor((flags & B) != 0 && spatialLayer == 0, in.at - payload.position());
    }

    /** Up to three {@code P_DIFF N} octets, each N saying that another follows. */
    private static boolean skipReferences(Cursor in) {
        for (int i = 0; i < MAX_REFERENCES; i++) {
            int reference = in.next();
            if (reference < 0) {
                return false;
            }
            if ((reference & 1) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean skipScalabilityStructure(Cursor in) {
        int header = in.next();
        if (header < 0) {
            return false;
        }
        int spatialLayers = (header >>> 5) + 1;
        if ((header & Y) != 0 && !in.skip(4 * spatialLayers)) {
            return false;
        }
        if ((header & G) != 0) {
            int pictures = in.next();
            if (pictures < 0) {
                return false;
            }
            for (int i = 0; i < pictures; i++) {
                int picture = in.next();
                if (picture < 0 || !in.skip(picture >>> 2 & 3)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Writes the descriptor of one packet of a frame in non-flexible mode without layer
     * indices and without picture ID (I = 0: it would have to be counted across frames, which a
     * packetizer must not do, see {@link VpxPacketizer}): P unless {@code keyframe}, B on the
     * first packet, E on the last, and on a keyframe's first packet V with a one-layer
     * scalability structure that gives the picture size when it is known ({@code width} and
     * {@code height} from 1 to 65535).
     */
    static void write(ByteBuffer out, boolean first, boolean last, boolean keyframe, int width, int height) {
        boolean structure = first && keyframe;
        boolean size = knownSize(width, height);
        out.put((byte) ((keyframe ? 0 : P) | (first ? B : 0) | (last ? E : 0) | (structure ? V : 0)));
        if (structure) {
            out.put((byte) (size ? Y : 0)); // N_S 0: one spatial layer; G 0: no picture group
            if (size) {
                out.putShort((short) width);
                out.putShort((short) height);
            }
        }
    }

    /** The size {@link #write} needs for a packet. */
    static int writtenSize(boolean first, boolean keyframe, int width, int height) {
        if (!first || !keyframe) {
            return 1;
        }
        return knownSize(width, height) ? MAX_WRITTEN_SIZE : 2;
    }

    /** The structure's 16-bit fields hold sizes up to 65535 (VP9 allows 65536: sent as unknown). */
    private static boolean knownSize(int width, int height) {
        return width > 0 && height > 0 && width <= 0xFFFF && height <= 0xFFFF;
    }

    /** Reads octets without moving the payload; -1 past its end. */
    private static final class Cursor {
        private final ByteBuffer data;
        private int at;

        Cursor(ByteBuffer data) {
            this.data = data;
            this.at = data.position();
        }

        int next() {
            return at < data.limit() ? data.get(at++) & 0xFF : -1;
        }

        boolean skip(int count) {
            if (count > data.limit() - at) {
                return false;
            }
            at += count;
            return true;
        }
    }
}
