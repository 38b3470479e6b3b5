package io.tributary.codecs.h265.internal;

import io.tributary.api.payload.nal.NalPacketizer;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Cuts H.265 access units into RTP payloads (RFC 7798 §4.4): aggregation packets,
 * single NAL unit packets and fragmentation units, without DONL; keyframes get the
 * {@code hvcC} parameter sets when they lack a VPS, SPS or PPS.
 */
final class H265Packetizer extends NalPacketizer {
    /** Payload header and FU header, and at least one byte of the NAL unit. */
    static final int MIN_PAYLOAD_SIZE = 4;

    /**
     * @param maxPayloadSize largest RTP payload, at least {@value #MIN_PAYLOAD_SIZE}
     * @param parameterSets  VPS, SPS and PPS NAL units to send before keyframes that lack them; may be empty
     */
    H265Packetizer(int maxPayloadSize, List<ByteBuffer> parameterSets) {
        super(maxPayloadSize, parameterSets, 2, 2, 3);
    }

    @Override
    protected int nalType(ByteBuffer nal) {
        return HevcNalUnitType.of(nal.get(nal.position()));
    }

    @Override
    protected boolean isKeyframe(int nalType) {
        return HevcNalUnitType.isIrap(nalType);
    }

    @Override
    protected boolean isDelimiter(int nalType) {
        return nalType == HevcNalUnitType.AUD;
    }

    /** F of any, type AP, and the lowest LayerId and TID of the aggregated units (§4.4.2). */
    @Override
    protected void writeAggregationHeader(ByteBuffer out, List<ByteBuffer> group) {
        int forbidden = 0;
        int layerId = 63;
        int tid = 7;
        for (ByteBuffer nal : group) {
            int first = nal.get(nal.position()) & 0xFF;
            int second = nal.get(nal.position() + 1) & 0xFF;
            forbidden |= first & 0x80;
            layerId = Math.min(layerId, ((first & 1) << 5) | (second >> 3));
            tid = Math.min(tid, second & 7);
        }
        out.put((byte) (forbidden | (HevcNalUnitType.AP << 1) | (layerId >> 5)));
        out.put((byte) (((layerId & 0x1F) << 3) | tid));
    }

    /** The NAL unit's header with type FU, then S, E and the NAL unit's type (§4.4.3). */
    @Override
    protected void writeFragmentHeader(ByteBuffer out, ByteBuffer nal, boolean start, boolean end) {
        int first = nal.get(nal.position());
        out.put((byte) ((first & 0x81) | (HevcNalUnitType.FU << 1)));
        out.put(nal.get(nal.position() + 1));
        out.put((byte) ((start ? 0x80 : 0) | (end ? 0x40 : 0) | HevcNalUnitType.of(first)));
    }
}
