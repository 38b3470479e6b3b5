package io.tributary.codecs.h264.internal;

/** The NAL unit types this payload format looks at (H.264 Table 7-1, RFC 6184 Table 1). */
final class NalUnitType {
    static final int NON_IDR = 1;
    static final int PARTITION_A = 2;
    static final int IDR = 5;
    static final int SPS = 7;
    static final int PPS = 8;
    static final int AUD = 9;
    /** Single-time aggregation packet (RFC 6184 §5.7.1). */
    static final int STAP_A = 24;
    /** Fragmentation unit without DON (RFC 6184 §5.8). */
    static final int FU_A = 28;

    private NalUnitType() {
    }

    /** Slices whose data begins with a slice header ({@code first_mb_in_slice} first). */
    static boolean isSliceWithHeader(int type) {
        return type == NON_IDR || type == PARTITION_A || type == IDR;
    }

    /** The 5-bit type of a NAL unit header (or RTP payload header) byte. */
    static int of(int headerByte) {
        return headerByte & 0x1F;
    }
}
