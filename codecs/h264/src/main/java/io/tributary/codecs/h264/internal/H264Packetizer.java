package io.tributary.codecs.h264.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.payload.Packetizer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts H.264 access units into RTP payloads in non-interleaved mode (RFC 6184 §6.3):
 * consecutive NAL units that fit together go into one STAP-A (§5.7.1), a NAL unit that fits
 * alone goes as a single NAL unit packet (§5.6, a slice of the access unit, no copy), a larger
 * one is cut into FU-A fragments (§5.8, one small copy per fragment).
 *
 * <p>A keyframe without both an SPS and a PPS gets the parameter sets of the {@code avcC}
 * inserted before its first NAL unit (after a leading access unit delimiter), so that clients
 * joining or seeking start decoding at once. Access unit delimiters are kept: they cost a few
 * bytes inside a STAP-A and some decoders use them.
 */
final class H264Packetizer implements Packetizer {
    /** FU indicator and FU header, and at least one byte of the NAL unit. */
    static final int MIN_PAYLOAD_SIZE = 3;
    private static final int STAP_A_HEADER = 1;
    private static final int STAP_A_LENGTH = 2;
    private static final int FU_A_HEADER = 2;

    private final int maxPayloadSize;
    /** Largest STAP-A: its NAL unit lengths are 16 bits. */
    private final int maxAggregateSize;
    private final List<ByteBuffer> parameterSets;

    /**
     * @param maxPayloadSize largest RTP payload, at least {@value #MIN_PAYLOAD_SIZE}
     * @param parameterSets  SPS and PPS NAL units to send before keyframes that lack them; may be empty
     */
    H264Packetizer(int maxPayloadSize, List<ByteBuffer> parameterSets) {
        if (maxPayloadSize < MIN_PAYLOAD_SIZE) {
            throw new IllegalArgumentException("max payload size " + maxPayloadSize + " is below "
                    + MIN_PAYLOAD_SIZE + " bytes");
        }
        this.maxPayloadSize = maxPayloadSize;
        this.maxAggregateSize = Math.min(maxPayloadSize, 0xFFFF);
        this.parameterSets = List.copyOf(parameterSets);
    }

    /**
     * @throws IllegalArgumentException when the access unit is not in AVCC layout
     */
    @Override
    public List<ByteBuffer> packetize(AccessUnit unit) {
        List<ByteBuffer> nals = withParameterSets(unit, AvccNalUnits.split(unit.dataView()));
        List<ByteBuffer> payloads = new ArrayList<>();
        int groupStart = 0;
        int groupSize = STAP_A_HEADER;
        for (int i = 0; i < nals.size(); i++) {
            int length = nals.get(i).remaining();
            if (i > groupStart && groupSize + STAP_A_LENGTH + length <= maxAggregateSize) {
                groupSize += STAP_A_LENGTH + length;
                continue;
            }
            flush(nals.subList(groupStart, i), groupSize, payloads);
            if (length > maxPayloadSize) {
                fragment(nals.get(i), payloads);
                groupStart = i + 1;
                groupSize = STAP_A_HEADER;
            } else {
                groupStart = i;
                groupSize = STAP_A_HEADER + STAP_A_LENGTH + length;
            }
        }
        flush(nals.subList(groupStart, nals.size()), groupSize, payloads);
        return payloads;
    }

    @Override
    public boolean markerOnLast() {
        return true;
    }

    private List<ByteBuffer> withParameterSets(AccessUnit unit, List<ByteBuffer> nals) {
        boolean idr = false;
        boolean sps = false;
        boolean pps = false;
        for (ByteBuffer nal : nals) {
            int type = NalUnitType.of(nal.get(0));
            idr |= type == NalUnitType.IDR;
            sps |= type == NalUnitType.SPS;
            pps |= type == NalUnitType.PPS;
        }
        if (!(unit.keyframe() || idr) || (sps && pps) || parameterSets.isEmpty()) {
            return nals;
        }
        int at = !nals.isEmpty() && NalUnitType.of(nals.getFirst().get(0)) == NalUnitType.AUD ? 1 : 0;
        List<ByteBuffer> all = new ArrayList<>(nals.size() + parameterSets.size());
        all.addAll(nals.subList(0, at));
        parameterSets.forEach(nal -> all.add(nal.duplicate()));
        all.addAll(nals.subList(at, nals.size()));
        return all;
    }

    /** Sends a group of NAL units: nothing, one single NAL unit packet, or one STAP-A. */
    private static void flush(List<ByteBuffer> group, int stapSize, List<ByteBuffer> payloads) {
        if (group.size() == 1) {
            payloads.add(group.getFirst());
        } else if (group.size() > 1) {
            ByteBuffer stap = ByteBuffer.allocate(stapSize);
            int forbidden = 0;
            int nri = 0;
            for (ByteBuffer nal : group) {
                forbidden |= nal.get(0) & 0x80;
                nri = Math.max(nri, nal.get(0) & 0x60);
            }
            stap.put((byte) (forbidden | nri | NalUnitType.STAP_A));
            for (ByteBuffer nal : group) {
                stap.putShort((short) nal.remaining());
                stap.put(nal.duplicate());
            }
            payloads.add(stap.flip().asReadOnlyBuffer());
        }
    }

    /** FU-A fragments of a NAL unit larger than a payload; never a single fragment with S and E set. */
    private void fragment(ByteBuffer nal, List<ByteBuffer> payloads) {
        int header = nal.get(0);
        byte indicator = (byte) ((header & 0xE0) | NalUnitType.FU_A);
        int chunk = maxPayloadSize - FU_A_HEADER;
        int length = nal.remaining();
        for (int pos = 1; pos < length; pos += chunk) {
            int size = Math.min(chunk, length - pos);
            int flags = (pos == 1 ? 0x80 : 0) | (pos + size == length ? 0x40 : 0);
            ByteBuffer fu = ByteBuffer.allocate(FU_A_HEADER + size)
                    .put(indicator)
                    .put((byte) (flags | NalUnitType.of(header)))
                    .put(nal.slice(pos, size));
            payloads.add(fu.flip().asReadOnlyBuffer());
        }
    }
}
