package io.tributary.codecs.h264.internal;

import io.tributary.api.payload.nal.NalPacketizer;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Cuts H.264 access units into RTP payloads in non-interleaved mode (RFC 6184 §6.3): STAP-A
 * aggregation (§5.7.1), single NAL unit packets (§5.6) and FU-A fragments (§5.8); keyframes
 * get the {@code avcC} parameter sets when they lack an SPS or a PPS. Access unit delimiters
 * are kept: they cost a few bytes inside a STAP-A and some decoders use them.
 */
final class H264Packetizer extends NalPacketizer {
    /** FU indicator and FU header, and at least one byte of the NAL unit. */
    static final int MIN_PAYLOAD_SIZE = 3;

    /**
     * @param maxPayloadSize largest RTP payload, at least {@value #MIN_PAYLOAD_SIZE}
     * @param parameterSets  SPS and PPS NAL units to send before keyframes that lack them; may be empty
     */
    H264Packetizer(int maxPayloadSize, List<ByteBuffer> parameterSets) {
        super(maxPayloadSize, parameterSets, 1, 1, 2);
    }

    @Override
    protected int nalType(ByteBuffer nal) {
        return NalUnitType.of(nal.get(nal.position()));
    }

    @Override
    protected boolean isKeyframe(int nalType) {
        return nalType == NalUnitType.IDR;
    }

    @Override
    protected boolean isDelimiter(int nalType) {
        return nalType == NalUnitType.AUD;
    }

    /** Forbidden bit of any, highest NRI of all, type STAP-A. */
    @Override
    protected void writeAggregationHeader(ByteBuffer out, List<ByteBuffer> group) {
        int forbidden = 0;
        int nri = 0;
        for (ByteBuffer nal : group) {
            forbidden |= nal.get(nal.position()) & 0x80;
            nri = Math.max(nri, nal.get(nal.position()) & 0x60);
        }
        out.put((byte) (forbidden | nri | NalUnitType.STAP_A));
    }

    /** FU indicator (the NAL unit's F and NRI, type FU-A) and FU header (S, E, the NAL unit's type). */
    @Override
    protected void writeFragmentHeader(ByteBuffer out, ByteBuffer nal, boolean start, boolean end) {
        int header = nal.get(nal.position());
        out.put((byte) ((header & 0xE0) | NalUnitType.FU_A));
        out.put((byte) ((start ? 0x80 : 0) | (end ? 0x40 : 0) | NalUnitType.of(header)));
    }
}
