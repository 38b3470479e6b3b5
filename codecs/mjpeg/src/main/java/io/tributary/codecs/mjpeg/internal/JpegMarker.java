package io.tributary.codecs.mjpeg.internal;

/** The JPEG markers (ITU T.81 Table B.1) this package reads or writes: the byte after {@code 0xFF}. */
final class JpegMarker {
    static final int SOF0 = 0xC0;
    static final int DHT = 0xC4;
    static final int DAC = 0xCC;
    static final int RST0 = 0xD0;
    static final int RST7 = 0xD7;
    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int DQT = 0xDB;
    static final int DRI = 0xDD;
    static final int APP0 = 0xE0;
    static final int APP15 = 0xEF;
    static final int COM = 0xFE;

    private JpegMarker() {
    }

    /** Whether {@code marker} starts a frame other than baseline: SOF1–SOF15 (0xC4, 0xC8 and 0xCC are not frames). */
    static boolean isOtherFrame(int marker) {
        return marker > SOF0 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != DAC;
    }

    /**
     * What follows {@code 0xFF} inside entropy-coded data without ending it: a stuffed zero
     * (a data byte 0xFF), a restart marker, or another 0xFF (a fill byte before a marker).
     */
    static boolean continuesScan(int next) {
        return next == 0x00 || next == 0xFF || (next >= RST0 && next <= RST7);
    }

    /** What a frame marker is, for refusals. */
    static String frameName(int marker) {
        return switch (marker) {
            case 0xC1 -> "extended sequential (SOF1)";
            case 0xC2 -> "progressive (SOF2)";
            case 0xC3 -> "lossless (SOF3)";
            case 0xC5, 0xC6, 0xC7 -> "hierarchical (SOF" + (marker - 0xC0) + ")";
            default -> "arithmetic-coded (SOF" + (marker - 0xC0) + ")";
        };
    }
}
