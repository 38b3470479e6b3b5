package io.tributary.codecs.vpx.internal;

import io.tributary.api.media.AccessUnit;
import java.nio.ByteBuffer;

/**
 * VP8 frames into RTP payloads (RFC 7741 §4): every packet has the one-octet descriptor
 * without extension (no PictureID, see {@link VpxPacketizer}), the first S.
 */
final class Vp8Packetizer extends VpxPacketizer {
    /** A descriptor and one byte of the frame. */
    static final int MIN_PAYLOAD_SIZE = Vp8PayloadDescriptor.WRITTEN_SIZE + 1;

    /** The descriptor says nothing about the frame: the same for every unit. */
    private static final Descriptors DESCRIPTORS = new Descriptors() {
        @Override
        public int size(boolean first) {
            return Vp8PayloadDescriptor.WRITTEN_SIZE;
        }

        @Override
        public void write(ByteBuffer out, boolean first, boolean last) {
            Vp8PayloadDescriptor.write(out, first);
        }
    };

    /** @param maxPayloadSize largest RTP payload, at least {@value #MIN_PAYLOAD_SIZE} */
    Vp8Packetizer(int maxPayloadSize) {
        super("VP8", maxPayloadSize, Vp8PayloadDescriptor.WRITTEN_SIZE);
    }

    @Override
    protected Descriptors describe(AccessUnit unit) {
        return DESCRIPTORS;
    }
}
