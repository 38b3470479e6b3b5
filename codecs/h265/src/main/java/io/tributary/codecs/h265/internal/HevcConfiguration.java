package io.tributary.codecs.h265.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The parameter sets of an HEVC decoder configuration record ({@code hvcC}, ISO/IEC 14496-15
 * §8.3.3.1): what RTP needs of it. Read from MP4 files; written for tracks that came over
 * RTP, with the general profile, tier and level copied from the SPS.
 *
 * @param vps video parameter sets, read-only
 * @param sps sequence parameter sets, read-only
 * @param pps picture parameter sets, read-only
 */
record HevcConfiguration(List<ByteBuffer> vps, List<ByteBuffer> sps, List<ByteBuffer> pps) {
    /** The fixed part before {@code numOfArrays}. */
    static final int HEADER_SIZE = 22;
    /** Bytes of {@code profile_tier_level}'s general part copied into the record (profile to level). */
    private static final int GENERAL_PTL = 12;

    HevcConfiguration {
        vps = readOnly(vps);
        sps = readOnly(sps);
        pps = readOnly(pps);
    }

    /**
     * Reads a record's parameter set arrays (other arrays, e.g. SEI, are skipped).
     *
     * @throws IllegalArgumentException when it is not a version 1 record or an array runs past its end
     */
    static HevcConfiguration parse(ByteBuffer hvcC) {
        ByteBuffer in = hvcC.duplicate();
        if (in.remaining() < HEADER_SIZE + 1 || in.get(in.position()) != 1) {
            throw new IllegalArgumentException("not an hvcC version 1 record (" + in.remaining() + " bytes)");
        }
        in.position(in.position() + HEADER_SIZE);
        int arrays = in.get() & 0xFF;
        List<ByteBuffer> vps = new ArrayList<>();
        List<ByteBuffer> sps = new ArrayList<>();
        List<ByteBuffer> pps = new ArrayList<>();
        for (int a = 0; a < arrays; a++) {
            need(in, 3, "array header");
            int type = in.get() & 0x3F;
            int count = in.getShort() & 0xFFFF;
            for (int n = 0; n < count; n++) {
                need(in, 2, "NAL unit length");
                int length = in.getShort() & 0xFFFF;
                need(in, length, "NAL unit");
                ByteBuffer nal = in.slice(in.position(), length);
                in.position(in.position() + length);
                switch (type) {
                    case HevcNalUnitType.VPS -> vps.add(nal);
                    case HevcNalUnitType.SPS -> sps.add(nal);
                    case HevcNalUnitType.PPS -> pps.add(nal);
                    default -> { }
                }
            }
        }
        return new HevcConfiguration(vps, sps, pps);
    }

    /** VPS, SPS and PPS, in that order: what a decoder needs before a keyframe. */
    List<ByteBuffer> parameterSets() {
        List<ByteBuffer> all = new ArrayList<>(vps);
        all.addAll(sps);
        all.addAll(pps);
        return all.stream().map(ByteBuffer::duplicate).toList();
    }

    /** {@code sprop-vps=…;sprop-sps=…;sprop-pps=…} (RFC 7798 §7.1), the lists that are not empty. */
    String fmtp() {
        List<String> parameters = new ArrayList<>();
        add(parameters, H265Fmtp.SPROP_VPS, vps);
        add(parameters, H265Fmtp.SPROP_SPS, sps);
        add(parameters, H265Fmtp.SPROP_PPS, pps);
        return String.join(";", parameters);
    }

    /**
     * The {@code hvcC} record: general profile, tier and level from the first SPS, 4:2:0 8-bit
     * (the fields a decoder takes from the SPS itself), 4-byte NAL unit lengths, one array per
     * kind of parameter set.
     *
     * @throws IllegalArgumentException when a parameter set is larger than 65535 bytes or there are more than 65535 of a kind
     */
    ByteBuffer record() {
        int size = HEADER_SIZE + 1;
        for (List<ByteBuffer> kind : List.of(vps, sps, pps)) {
            if (kind.size() > 0xFFFF) {
                throw new IllegalArgumentException(kind.size() + " parameter sets of one kind");
            }
            size += kind.isEmpty() ? 0 : 3;
            for (ByteBuffer nal : kind) {
                if (nal.remaining() > 0xFFFF) {
                    throw new IllegalArgumentException("parameter set of " + nal.remaining() + " bytes");
                }
                size += 2 + nal.remaining();
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        byte[] spsRbsp = sps.isEmpty() ? new byte[0] : rbsp(sps.getFirst(), 2 + 1 + GENERAL_PTL);
        out.put((byte) 1);
        if (spsRbsp.length >= 2 + 1 + GENERAL_PTL) {
            out.put(spsRbsp, 3, GENERAL_PTL); // profile space, tier, profile, compatibility, constraints, level
        } else {
            out.put(new byte[GENERAL_PTL]);
        }
        int subLayers = spsRbsp.length > 2 ? ((spsRbsp[2] >> 1) & 7) + 1 : 1;
        boolean nested = spsRbsp.length > 2 && (spsRbsp[2] & 1) != 0;
        out.putShort((short) 0xF000); // min_spatial_segmentation_idc 0
        out.put((byte) 0xFC); // parallelismType 0
        out.put((byte) (0xFC | 1)); // chroma_format_idc 1 (4:2:0)
        out.put((byte) 0xF8); // bit_depth_luma_minus8 0
        out.put((byte) 0xF8); // bit_depth_chroma_minus8 0
        out.putShort((short) 0); // avgFrameRate unknown
        out.put((byte) ((subLayers << 3) | (nested ? 4 : 0) | 3)); // constantFrameRate 0, lengthSizeMinusOne 3
        List<List<ByteBuffer>> kinds = List.of(vps, sps, pps);
        int[] types = {HevcNalUnitType.VPS, HevcNalUnitType.SPS, HevcNalUnitType.PPS};
        out.put((byte) kinds.stream().filter(k -> !k.isEmpty()).count());
        for (int k = 0; k < kinds.size(); k++) {
            if (kinds.get(k).isEmpty()) {
                continue;
            }
            out.put((byte) (0x80 | types[k])); // array_completeness 1: all of this kind are here
            out.putShort((short) kinds.get(k).size());
            for (ByteBuffer nal : kinds.get(k)) {
                out.putShort((short) nal.remaining());
                out.put(nal.duplicate());
            }
        }
        return out.flip().asReadOnlyBuffer();
    }

    /** The first {@code max} bytes of a NAL unit with emulation prevention bytes (00 00 03) removed. */
    private static byte[] rbsp(ByteBuffer nal, int max) {
        byte[] out = new byte[max];
        int n = 0;
        int zeros = 0;
        for (int i = nal.position(); i < nal.limit() && n < max; i++) {
            int b = nal.get(i) & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[n++] = (byte) b;
        }
        return n == max ? out : java.util.Arrays.copyOf(out, n);
    }

    private static void add(List<String> parameters, String name, List<ByteBuffer> nals) {
        if (nals.isEmpty()) {
            return;
        }
        List<String> encoded = new ArrayList<>();
        for (ByteBuffer nal : nals) {
            byte[] bytes = new byte[nal.remaining()];
            nal.duplicate().get(bytes);
            encoded.add(Base64.getEncoder().encodeToString(bytes));
        }
        parameters.add(name + "=" + String.join(",", encoded));
    }

    private static void need(ByteBuffer in, int bytes, String what) {
        if (in.remaining() < bytes) {
            throw new IllegalArgumentException("hvcC: " + what + " runs past the end of the record");
        }
    }

    private static List<ByteBuffer> readOnly(List<ByteBuffer> nals) {
        return nals.stream().map(ByteBuffer::asReadOnlyBuffer).toList();
    }
}
