package io.tributary.codecs.aac.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.payload.Packetizer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts each AAC access unit in its own RTP payload in AAC-hbr mode (RFC 3640 §3.2): the
 * AU-headers-length (16 bits), one AU-header (size, index 0) and the unit. A unit too large
 * for one payload is fragmented (§3.2.3.1): every fragment repeats the AU-header with the size
 * of the whole unit, and only the last one gets the marker bit.
 */
final class AacPacketizer implements Packetizer {
    /** The header section and at least one byte of the unit. */
    static final int MIN_PAYLOAD_SIZE = AacHbr.SINGLE_HEADER_SECTION + 1;

    private final int maxPayloadSize;

    AacPacketizer(int maxPayloadSize) {
        if (maxPayloadSize < MIN_PAYLOAD_SIZE) {
            throw new IllegalArgumentException("max payload size " + maxPayloadSize + " is below "
                    + MIN_PAYLOAD_SIZE + " bytes");
        }
        this.maxPayloadSize = maxPayloadSize;
    }

    /**
     * @throws IllegalArgumentException when the unit is larger than the 8191 bytes an AU-size can say
     */
    @Override
    public List<ByteBuffer> packetize(AccessUnit unit) {
        ByteBuffer data = unit.dataView();
        int size = data.remaining();
        if (size > AacHbr.MAX_UNIT_SIZE) {
            throw new IllegalArgumentException("AAC access unit of " + size + " bytes exceeds the "
                    + AacHbr.MAX_UNIT_SIZE + " an AAC-hbr AU-size can carry");
        }
        int chunk = maxPayloadSize - AacHbr.SINGLE_HEADER_SECTION;
        List<ByteBuffer> payloads = new ArrayList<>(1 + size / chunk);
        int pos = 0;
        do {
            int length = Math.min(chunk, size - pos);
            ByteBuffer payload = ByteBuffer.allocate(AacHbr.SINGLE_HEADER_SECTION + length)
                    .putShort((short) AacHbr.HEADER_BITS)
                    .putShort((short) (size << AacHbr.INDEX_LENGTH))
                    .put(data.slice(data.position() + pos, length));
            payloads.add(payload.flip().asReadOnlyBuffer());
            pos += length;
        } while (pos < size);
        return payloads;
    }

    @Override
    public boolean markerOnLast() {
        return true;
    }
}
