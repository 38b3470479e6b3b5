package io.tributary.codecs.h265.internal;

import io.tributary.api.payload.nal.NalDepacketizer;
import java.nio.ByteBuffer;

/**
 * Reassembles H.265 access units (NAL units with 4-byte lengths, as in MP4) from RTP packets
 * without DONL (RFC 7798 §4.4): single NAL unit packets, aggregation packets (48) and
 * fragmentation units (49); a unit holding an IRAP picture is a keyframe. PACI (50) drops its
 * unit (not supported); reserved and unspecified types (41–47, 51–63) are ignored. Unit
 * boundaries, loss and bounds: see {@link NalDepacketizer}.
 */
final class H265Depacketizer extends NalDepacketizer {
    private static final int HEADER = 2;

    H265Depacketizer(int track, int maxUnitSize) {
        super(track, maxUnitSize);
    }

    @Override
    protected boolean read(ByteBuffer payload) {
        if (payload.remaining() <= HEADER) {
            return false;
        }
        int type = HevcNalUnitType.of(payload.get(payload.position()));
        if (type < 41) {
            return addNal(payload);
        }
        return switch (type) {
            case HevcNalUnitType.AP -> readAggregation(payload);
            case HevcNalUnitType.FU -> readFragment(payload);
            case HevcNalUnitType.PACI -> false;
            default -> true;
        };
    }

    private boolean readAggregation(ByteBuffer payload) {
        payload.position(payload.position() + HEADER);
        while (payload.hasRemaining()) {
            if (payload.remaining() < 2) {
                return false;
            }
            int length = payload.getShort() & 0xFFFF;
            if (length <= HEADER || length > payload.remaining()) {
                return false;
            }
            if (!addNal(payload.slice(payload.position(), length))) {
                return false;
            }
            payload.position(payload.position() + length);
        }
        return true;
    }

    private boolean readFragment(ByteBuffer payload) {
        if (payload.remaining() < HEADER + 2) {
            return false;
        }
        int first = payload.get();
        int second = payload.get();
        int header = payload.get();
        boolean start = (header & 0x80) != 0;
        boolean end = (header & 0x40) != 0;
        int type = header & 0x3F;
        if (start && !beginFragment(new byte[] {(byte) ((first & 0x81) | (type << 1)), (byte) second}, payload)) {
            return false;
        }
        return appendFragment(payload, end);
    }

    @Override
    protected int nalType(int firstHeaderByte) {
        return HevcNalUnitType.of(firstHeaderByte);
    }

    @Override
    protected int headerSize() {
        return HEADER;
    }

    @Override
    protected boolean isKeyframe(int nalType) {
        return HevcNalUnitType.isIrap(nalType);
    }

    @Override
    protected boolean isSliceStartingWithFirstFlag(int nalType) {
        return HevcNalUnitType.isSlice(nalType);
    }
}
