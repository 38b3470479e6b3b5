package io.tributary.codecs.mjpeg.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The headers a receiver puts before an RTP/JPEG frame's entropy-coded data to make it a
 * complete image again (RFC 2435 Appendix B), in the layout ffmpeg's encoder writes:
 * {@code SOI}, one {@code DQT} with the luminance table (and the chrominance table unless it
 * is the same), {@code DRI} when there are restart markers, one {@code DHT} with the standard
 * tables, {@code SOF0}, {@code SOS}. Components are numbered 1–3 (Y, Cb, Cr) as JFIF wants,
 * where Appendix B numbers them 0–2: only the numbers differ, not the image.
 *
 * @param type            RFC 2435 type without the restart flag: 0 (4:2:2) or 1 (4:2:0)
 * @param width           in pixels, a multiple of 8
 * @param height          in pixels, a multiple of 8
 * @param restartInterval MCUs between restart markers, 0 for none
 * @param luma            luminance quantization table, 64 bytes in zig-zag order
 * @param chroma          chrominance quantization table, 64 bytes in zig-zag order
 */
record JfifHeader(int type, int width, int height, int restartInterval, byte[] luma, byte[] chroma) {
    /** The type whose luminance is sampled 2x1: 4:2:2. */
    static final int TYPE_422 = 0;
    /** The type whose luminance is sampled 2x2: 4:2:0. */
    static final int TYPE_420 = 1;

    JfifHeader {
        if (type != TYPE_422 && type != TYPE_420) {
            throw new IllegalArgumentException("type " + type);
        }
        if (luma.length != 64 || chroma.length != 64) {
            throw new IllegalArgumentException("quantization tables have 64 entries");
        }
        luma = luma.clone();
        chroma = chroma.clone();
    }

    @Override
    public byte[] luma() {
        return luma.clone();
    }

    @Override
    public byte[] chroma() {
        return chroma.clone();
    }

    /** The luminance sampling factors (H in the high nibble, V in the low one) of the type. */
    static int lumaSampling(int type) {
        return type == TYPE_422 ? 0x21 : 0x22;
    }

    private boolean oneTable() {
        return Arrays.equals(luma, chroma);
    }

    /** The number of bytes {@link #write} writes. */
    int size() {
        int tables = oneTable() ? 1 : 2;
        return 2 + (4 + 65 * tables) + (restartInterval > 0 ? 6 : 0) + (2 + StandardHuffmanTables.SEGMENT_LENGTH)
                + (2 + 17) + (2 + 12);
    }

    /** Writes the headers, {@code SOI} to the end of the {@code SOS} segment. */
    void write(ByteBuffer out) {
        boolean oneTable = oneTable();
        marker(out, JpegMarker.SOI);
        marker(out, JpegMarker.DQT);
        out.putShort((short) (2 + 65 * (oneTable ? 1 : 2)));
        out.put((byte) 0).put(luma);
        if (!oneTable) {
            out.put((byte) 1).put(chroma);
        }
        if (restartInterval > 0) {
            marker(out, JpegMarker.DRI);
            out.putShort((short) 4).putShort((short) restartInterval);
        }
        StandardHuffmanTables.writeSegment(out);
        int chromaTable = oneTable ? 0 : 1;
        marker(out, JpegMarker.SOF0);
        out.putShort((short) 17).put((byte) 8).putShort((short) height).putShort((short) width).put((byte) 3);
        out.put((byte) 1).put((byte) lumaSampling(type)).put((byte) 0);
        out.put((byte) 2).put((byte) 0x11).put((byte) chromaTable);
        out.put((byte) 3).put((byte) 0x11).put((byte) chromaTable);
        marker(out, JpegMarker.SOS);
        out.putShort((short) 12).put((byte) 3);
        out.put((byte) 1).put((byte) 0x00); // Y: DC and AC table 0
        out.put((byte) 2).put((byte) 0x11); // Cb, Cr: DC and AC table 1
        out.put((byte) 3).put((byte) 0x11);
        out.put((byte) 0).put((byte) 63).put((byte) 0); // Ss, Se, Ah/Al: one sequential scan
    }

    private static void marker(ByteBuffer out, int marker) {
        out.put((byte) 0xFF).put((byte) marker);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JfifHeader h && type == h.type && width == h.width && height == h.height
                && restartInterval == h.restartInterval && Arrays.equals(luma, h.luma)
                && Arrays.equals(chroma, h.chroma);
    }

    @Override
    public int hashCode() {
        return ((type * 31 + width) * 31 + height) * 31 + restartInterval + Arrays.hashCode(luma);
    }

    @Override
    public String toString() {
        return "JfifHeader[type=" + type + ", " + width + "x" + height + ", restartInterval=" + restartInterval + "]";
    }
}
