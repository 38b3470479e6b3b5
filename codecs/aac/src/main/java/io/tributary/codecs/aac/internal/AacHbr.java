package io.tributary.codecs.aac.internal;

/**
 * The AAC-hbr mode of RFC 3640 (§3.3.6) as Tributary sends and expects it: each AU-header is
 * a 13-bit AU-size and a 3-bit AU-Index (first header) or AU-Index-delta (the others), with no
 * CTS, DTS or auxiliary data. Depacketizers get no fmtp through the SPI, so they assume these
 * sizes, which every AAC-hbr sender uses; {@link AacFmtp} refuses a received track announcing others.
 */
final class AacHbr {
    static final int SIZE_LENGTH = 13;
    static final int INDEX_LENGTH = 3;
    static final int INDEX_DELTA_LENGTH = 3;
    /** Bits of one AU-header. */
    static final int HEADER_BITS = SIZE_LENGTH + INDEX_LENGTH;
    /** Largest AU-size a header can carry. */
    static final int MAX_UNIT_SIZE = (1 << SIZE_LENGTH) - 1;
    /** AU-headers-length field and one AU-header, in bytes. */
    static final int SINGLE_HEADER_SECTION = 2 + HEADER_BITS / 8;

    private AacHbr() {
    }

    /** The {@code a=fmtp} value for an AudioSpecificConfig given in hex. */
    static String fmtp(String configHex) {
        return "streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=" + SIZE_LENGTH
                + ";indexlength=" + INDEX_LENGTH + ";indexdeltalength=" + INDEX_DELTA_LENGTH
                + ";config=" + configHex;
    }
}
