package io.tributary.sources.file.internal.ts;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The first VPS, SPS and PPS of an H.264 or H.265 stream, as the payload formats want them:
 * an {@code avcC} or {@code hvcC} record (ISO/IEC 14496-15 §5.3.3.1, §8.3.3.1) declaring 4-byte
 * NAL unit lengths. The codecs read from the record only the parameter sets, profile and level
 * ({@code sprop-*}, {@code profile-level-id}), so the fields that need a parsed SPS (chroma
 * format, bit depths) carry the common 4:2:0 8-bit values.
 */
final class ParameterSets {
    static final int H264_SPS = 7;
    static final int H264_PPS = 8;
    static final int H265_VPS = 32;
    static final int H265_SPS = 33;
    static final int H265_PPS = 34;
    /** A record gives each parameter set a 16-bit length. */
    static final int MAX_SIZE = 0xFFFF;

    private final boolean hevc;
    private byte[] vps;
    private byte[] sps;
    private byte[] pps;

    ParameterSets(boolean hevc) {
        this.hevc = hevc;
    }

    /** Whether a NAL unit of this type is a parameter set still missing. */
    boolean wants(int type) {
        return switch (type) {
            case H264_SPS, H265_SPS -> (type == H265_SPS) == hevc && sps == null;
            case H264_PPS, H265_PPS -> (type == H265_PPS) == hevc && pps == null;
            case H265_VPS -> hevc && vps == null;
            default -> false;
        };
    }

    /** Keeps a parameter set of a type it {@link #wants}. */
    void add(int type, byte[] nal) {
        switch (type) {
            case H264_SPS, H265_SPS -> sps = nal;
            case H264_PPS, H265_PPS -> pps = nal;
            default -> vps = nal;
        }
    }

    /** Whether the record can be written: SPS and PPS (and for H.265 the VPS) were seen. */
    boolean complete() {
        return sps != null && pps != null && (!hevc || vps != null) && sps.length >= (hevc ? 3 : 4);
    }

    /** The decoder configuration record, or an empty buffer when {@link #complete} is false. */
    ByteBuffer record() {
        if (!complete()) {
            return ByteBuffer.allocate(0);
        }
        return hevc ? hvcC() : avcC();
    }

    private ByteBuffer avcC() {
        ByteBuffer out = ByteBuffer.allocate(11 + sps.length + pps.length);
        out.put((byte) 1).put(sps[1]).put(sps[2]).put(sps[3]); // profile, compatibility, level
        out.put((byte) 0xFF); // lengthSizeMinusOne 3
        out.put((byte) 0xE1).putShort((short) sps.length).put(sps);
        out.put((byte) 1).putShort((short) pps.length).put(pps);
        return out.flip();
    }

    private ByteBuffer hvcC() {
        final int generalPtl = 12;
        byte[] rbsp = rbsp(sps, 3 + generalPtl);
        ByteBuffer out = ByteBuffer.allocate(23 + 3 * 5 + vps.length + sps.length + pps.length);
        out.put((byte) 1);
        out.put(rbsp.length == 3 + generalPtl ? Arrays.copyOfRange(rbsp, 3, 3 + generalPtl) : new byte[generalPtl]);
        int subLayers = ((rbsp[2] >> 1) & 7) + 1;
        boolean nested = (rbsp[2] & 1) != 0;
        out.putShort((short) 0xF000); // min_spatial_segmentation_idc 0
        out.put((byte) 0xFC); // parallelismType 0
        out.put((byte) 0xFD); // chroma_format_idc 1
        out.put((byte) 0xF8).put((byte) 0xF8); // bit depths 8
        out.putShort((short) 0); // avgFrameRate unknown
        out.put((byte) (subLayers << 3 | (nested ? 4 : 0) | 3)); // lengthSizeMinusOne 3
        out.put((byte) 3);
        for (byte[] nal : new byte[][] {vps, sps, pps}) {
            int type = (nal[0] >> 1) & 0x3F;
            out.put((byte) (0x80 | type)).putShort((short) 1).putShort((short) nal.length).put(nal);
        }
        return out.flip();
    }

    /** The first {@code max} bytes of a NAL unit without emulation prevention bytes. */
    private static byte[] rbsp(byte[] nal, int max) {
        byte[] out = new byte[max];
        int n = 0;
        int zeros = 0;
        for (int i = 0; i < nal.length && n < max; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[n++] = (byte) b;
        }
        return Arrays.copyOf(out, n);
    }
}
