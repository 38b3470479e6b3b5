package io.tributary.codecs.mjpeg.internal;

/**
 * The quantization tables a Q factor of 1–99 stands for (RFC 2435 §4.1, Appendix A): the
 * example tables of JPEG Annex K.1 (luminance) and K.2 (chrominance) scaled as the IJG library
 * scales them for a quality.
 *
 * <p>Appendix A's code writes the tables in natural (row) order, but the Q field names tables
 * of a {@code DQT} segment, which are in zig-zag order (as the quantization table header says
 * of in-band tables): this class returns zig-zag order, as ffmpeg's and GStreamer's
 * depacketizers do, so that the same Q decodes the same everywhere.
 */
final class QuantizationTables {
    /** Largest Q that stands for scaled standard tables; 0 and 100–127 are reserved. */
    static final int MAX_SCALED_Q = 99;

    /** JPEG Annex K.1, natural order. */
    private static final int[] LUMA = {
        16, 11, 10, 16, 24, 40, 51, 61,
        12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77,
        24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101,
        72, 92, 95, 98, 112, 100, 103, 99};
    /** JPEG Annex K.2, natural order. */
    private static final int[] CHROMA = {
        17, 18, 24, 47, 99, 99, 99, 99,
        18, 21, 26, 66, 99, 99, 99, 99,
        24, 26, 56, 99, 99, 99, 99, 99,
        47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99};
    /** The natural-order index of each zig-zag position (ITU T.81 Figure A.6). */
    private static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private QuantizationTables() {
    }

    /**
     * The luminance table then the chrominance table (64 bytes each, zig-zag order) for
     * {@code q}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= q <= 99}
     */
    static byte[] forQ(int q) {
        if (q < 1 || q > MAX_SCALED_Q) {
            throw new IllegalArgumentException("Q " + q + " does not stand for scaled tables (1-99)");
        }
        int scale = q < 50 ? 5000 / q : 200 - q * 2;
        byte[] tables = new byte[128];
        for (int i = 0; i < 64; i++) {
            tables[i] = scaled(LUMA[ZIGZAG[i]], scale);
            tables[64 + i] = scaled(CHROMA[ZIGZAG[i]], scale);
        }
        return tables;
    }

    /** Limited to 1–255: an 8-bit table. */
    private static byte scaled(int base, int scale) {
        return (byte) Math.clamp((base * scale + 50) / 100, 1, 255);
    }
}
