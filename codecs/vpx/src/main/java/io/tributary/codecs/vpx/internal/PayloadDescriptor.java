package io.tributary.codecs.vpx.internal;

import java.nio.ByteBuffer;

/**
 * What a depacketizer needs of a VP8 or VP9 payload descriptor.
 *
 * @param pictureStart the packet begins a picture (VP8: S with partition index 0; VP9: B of the
 *                     lowest spatial layer)
 * @param size         the descriptor's length in bytes: the frame data follows it
 */
record PayloadDescriptor(boolean pictureStart, int size) {
    /** Reads one codec's descriptor at the start of an RTP payload. */
    @FunctionalInterface
    interface Reader {
        /**
         * The descriptor at the start of the payload (the buffer is not moved), or {@code null}
         * when it is malformed or no frame data follows it: a packet with no data is no use.
         */
        PayloadDescriptor read(ByteBuffer payload);
    }
}
