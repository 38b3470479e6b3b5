package io.tributary.codecs.mjpeg.internal;

import java.nio.ByteBuffer;

/**
 * The headers at the start of every RTP/JPEG payload: the main JPEG header (RFC 2435 §3.1)
 * and, for types 64–127, the restart marker header (§3.1.7). The quantization table header,
 * which only the first packet of a frame may carry, is read and written by the depacketizer
 * and the packetizer.
 *
 * @param typeSpecific   0 for progressively scanned images; 1–3 mark interlaced fields
 * @param fragmentOffset where the payload's data begins in the frame's entropy-coded data (24 bits)
 * @param type           the RFC 2435 type, the restart flag (64) included
 * @param q              the Q factor: 1–99 scaled standard tables, 128–255 tables in band
 * @param widthBlocks    the width in 8-pixel blocks
 * @param heightBlocks   the height in 8-pixel blocks
 * @param restartInterval MCUs between restart markers (types 64–127), else 0
 */
record JpegPayloadHeader(int typeSpecific, int fragmentOffset, int type, int q, int widthBlocks, int heightBlocks,
                         int restartInterval) {
    /** Size of the main JPEG header. */
    static final int MAIN_SIZE = 8;
    /** Size of the restart marker header. */
    static final int RESTART_SIZE = 4;
    /** Size of the quantization table header before its tables. */
    static final int QUANTIZATION_SIZE = 4;
    /** Added to a type when its images have restart markers and the restart marker header follows. */
    static final int RESTART_FLAG = 64;
    /** Largest fragment offset: 24 bits. */
    static final int MAX_OFFSET = 0xFF_FFFF;
    /** Q from which quantization tables travel in band (RFC 2435 §4.2). */
    static final int FIRST_IN_BAND_Q = 128;
    /** Q whose tables may change with every frame and so are never cached. */
    static final int DYNAMIC_Q = 255;
    /**
     * F and L set and the count all ones: the frame is not cut at restart intervals, so the
     * receiver reassembles it before decoding (§3.1.7).
     */
    private static final int WHOLE_FRAME = 0xFFFF;

    /** Whether the restart marker header follows the main header (types 64–127). */
    static boolean hasRestartHeader(int type) {
        return type >= RESTART_FLAG && type < 128;
    }

    /** The number of bytes {@link #write} writes. */
    int size() {
        return MAIN_SIZE + (hasRestartHeader(type) ? RESTART_SIZE : 0);
    }

    /**
     * Reads the headers at {@code payload}'s position and moves past them; {@code null} when
     * the payload is too short for them.
     */
    static JpegPayloadHeader read(ByteBuffer payload) {
        if (payload.remaining() < MAIN_SIZE) {
            return null;
        }
        int first = payload.getInt();
        int type = payload.get() & 0xFF;
        int q = payload.get() & 0xFF;
        int width = payload.get() & 0xFF;
        int height = payload.get() & 0xFF;
        int restartInterval = 0;
        if (hasRestartHeader(type)) {
            if (payload.remaining() < RESTART_SIZE) {
                return null;
            }
            restartInterval = payload.getShort() & 0xFFFF;
            payload.getShort(); // F, L and count: only whole frames are reassembled here
        }
        return new JpegPayloadHeader(first >>> 24, first & MAX_OFFSET, type, q, width, height, restartInterval);
    }

    /** Writes the main header and, for types 64–127, the restart marker header. */
    void write(ByteBuffer out) {
        out.putInt(typeSpecific << 24 | fragmentOffset);
        out.put((byte) type).put((byte) q).put((byte) widthBlocks).put((byte) heightBlocks);
        if (hasRestartHeader(type)) {
            out.putShort((short) restartInterval).putShort((short) WHOLE_FRAME);
        }
    }

    /** Whether {@code other} describes the same frame (all but the fragment offset agree). */
    boolean sameFrame(JpegPayloadHeader other) {
        return typeSpecific == other.typeSpecific && type == other.type && q == other.q
                && widthBlocks == other.widthBlocks && heightBlocks == other.heightBlocks
                && restartInterval == other.restartInterval;
    }
}
