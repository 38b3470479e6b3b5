package io.tributary.codecs.h265.internal;

/** H.265 NAL unit types (ITU-T H.265 Table 7-1) and RFC 7798's packet types. */
final class HevcNalUnitType {
    /** The last VCL type: types 0 to 31 are slice segments. */
    static final int LAST_VCL = 31;
    static final int BLA_W_LP = 16;
    /** The last IRAP type (22 and 23 are reserved IRAP types). */
    static final int LAST_IRAP = 23;
    static final int VPS = 32;
    static final int SPS = 33;
    static final int PPS = 34;
    static final int AUD = 35;
    /** Aggregation packet (RFC 7798 §4.4.2). */
    static final int AP = 48;
    /** Fragmentation unit (RFC 7798 §4.4.3). */
    static final int FU = 49;
    /** Payload content information (RFC 7798 §4.4.4). */
    static final int PACI = 50;

    private HevcNalUnitType() {
    }

    /** The 6-bit type in the first byte of a NAL unit header (or RTP payload header). */
    static int of(int firstHeaderByte) {
        return (firstHeaderByte >> 1) & 0x3F;
    }

    /** Intra random access points: an access unit starting with one is a keyframe. */
    static boolean isIrap(int type) {
        return type >= BLA_W_LP && type <= LAST_IRAP;
    }

    /** Slice segments, whose data begins with {@code first_slice_segment_in_pic_flag}. */
    static boolean isSlice(int type) {
        return type <= LAST_VCL;
    }
}
