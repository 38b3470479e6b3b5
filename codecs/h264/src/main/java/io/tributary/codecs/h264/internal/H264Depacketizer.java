package io.tributary.codecs.h264.internal;

import io.tributary.api.payload.nal.NalDepacketizer;
import java.nio.ByteBuffer;

/**
 * Reassembles H.264 access units in AVCC layout from RTP packets in non-interleaved mode
 * (RFC 6184): single NAL unit packets (types 1–23), STAP-A (24) and FU-A (28); a unit holding
 * an IDR slice is a keyframe. STAP-B, MTAP and FU-B drop their unit; packets of the undefined
 * types 0, 30 and 31 are ignored (RFC 6184 Table 3). Unit boundaries, loss and bounds: see
 * {@link NalDepacketizer}.
 */
final class H264Depacketizer extends NalDepacketizer {
    /** Default bound on a reassembled access unit. */
    static final int DEFAULT_MAX_UNIT_SIZE = NalDepacketizer.DEFAULT_MAX_UNIT_SIZE;

    H264Depacketizer(int track, int maxUnitSize) {
        super(track, maxUnitSize);
    }

    @Override
    protected boolean read(ByteBuffer payload) {
        if (!payload.hasRemaining()) {
            return false;
        }
        int type = NalUnitType.of(payload.get(payload.position()));
        if (type == 0 || type >= 30) {
            return true;
        }
        if (type <= 23) {
            return addNal(payload);
        }
        return switch (type) {
            case NalUnitType.STAP_A -> readStapA(payload);
            case NalUnitType.FU_A -> readFuA(payload);
            default -> false;
        };
    }

    private boolean readStapA(ByteBuffer payload) {
        payload.get();
        if (!payload.hasRemaining()) {
            return false;
        }
        while (payload.hasRemaining()) {
            if (payload.remaining() < 2) {
                return false;
            }
            int length = payload.getShort() & 0xFFFF;
            if (length == 0 || length > payload.remaining()) {
                return false;
            }
            if (!addNal(payload.slice(payload.position(), length))) {
                return false;
            }
            payload.position(payload.position() + length);
        }
        return true;
    }

    private boolean readFuA(ByteBuffer payload) {
        if (payload.remaining() < 2) {
            return false;
        }
        int indicator = payload.get();
        int header = payload.get();
        boolean start = (header & 0x80) != 0;
        boolean end = (header & 0x40) != 0;
        if (start && !beginFragment(new byte[] {(byte) ((indicator & 0xE0) | NalUnitType.of(header))}, payload)) {
            return false;
        }
        return appendFragment(payload, end);
    }

    @Override
    protected int nalType(int firstHeaderByte) {
        return NalUnitType.of(firstHeaderByte);
    }

    @Override
    protected int headerSize() {
        return 1;
    }

    @Override
    protected boolean isKeyframe(int nalType) {
        return nalType == NalUnitType.IDR;
    }

    @Override
    protected boolean isSliceStartingWithFirstFlag(int nalType) {
        return NalUnitType.isSliceWithHeader(nalType);
    }
}
