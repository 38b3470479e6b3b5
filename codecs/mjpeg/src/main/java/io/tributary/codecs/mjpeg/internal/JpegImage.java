package io.tributary.codecs.mjpeg.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A baseline JPEG image as RFC 2435 carries it: the parameters of its headers and its
 * entropy-coded data. {@link #parse} reads an image and refuses, naming the reason, what the
 * payload format cannot carry (see the package description).
 *
 * @param header the parameters a receiver rebuilds the headers from
 * @param scan   the entropy-coded data, from after the {@code SOS} segment to before
 *               {@code EOI} (restart markers included), read-only
 */
record JpegImage(JfifHeader header, ByteBuffer scan) {
    /** Largest width or height: the RTP/JPEG header carries them in 8-pixel blocks in one byte. */
    static final int MAX_SIZE = 2040;

    JpegImage {
        Objects.requireNonNull(header, "header");
        scan = scan.asReadOnlyBuffer();
    }

    /** A fresh read-only view of {@link #scan()}. */
    ByteBuffer scanView() {
        return scan.duplicate();
    }

    /** The image in the layout of {@link JfifHeader}: headers, scan, {@code EOI}. */
    ByteBuffer write() {
        ByteBuffer out = ByteBuffer.allocate(header.size() + scan.remaining() + 2);
        header.write(out);
        out.put(scanView()).put((byte) 0xFF).put((byte) JpegMarker.EOI);
        return out.flip();
    }

    /**
     * Reads the image between {@code data}'s position and limit (the buffer is not moved);
     * bytes after {@code EOI} are ignored.
     *
     * @throws IllegalArgumentException when it is not a JPEG image, is truncated, or is one
     *                                  RFC 2435 cannot carry; the message says which
     */
    static JpegImage parse(ByteBuffer data) {
        return new Reader(data.duplicate()).read();
    }

    /** One frame component of {@code SOF0}: its id, sampling factors and quantization table. */
    private record Component(int id, int sampling, int table) {
    }

    /** Reads one image; tables are kept as the segments define them, the last definition winning. */
    private static final class Reader {
        private final ByteBuffer in;
        private final byte[][] quantization = new byte[4][];
        /** Huffman tables by class (DC 0, AC 1) and id, counts then symbols, as in {@code DHT}. */
        private final byte[][][] huffman = new byte[2][4][];
        private int restartInterval;
        private Component[] components;
        private int width;
        private int height;

        Reader(ByteBuffer in) {
            this.in = in;
        }

        JpegImage read() {
            if (in.remaining() < 2 || (in.get() & 0xFF) != 0xFF || (in.get() & 0xFF) != JpegMarker.SOI) {
                throw new IllegalArgumentException("not a JPEG image: it does not start with SOI");
            }
            while (true) {
                int marker = nextMarker();
                if (marker == JpegMarker.SOS) {
                    return scan();
                }
                if (marker == JpegMarker.EOI) {
                    throw new IllegalArgumentException("the image ends (EOI) before its scan (SOS)");
                }
                ByteBuffer segment = segment(marker);
                if (marker == JpegMarker.DQT) {
                    quantizationTables(segment);
                } else if (marker == JpegMarker.DHT) {
                    huffmanTables(segment);
                } else if (marker == JpegMarker.DRI) {
                    restartInterval(segment);
                } else if (marker == JpegMarker.SOF0) {
                    frame(segment);
                } else if (JpegMarker.isOtherFrame(marker)) {
                    throw new IllegalArgumentException(JpegMarker.frameName(marker)
                            + " JPEG cannot be sent as RTP/JPEG (RFC 2435 carries baseline images)");
                } else if (marker == JpegMarker.DAC) {
                    throw new IllegalArgumentException("arithmetic coding (DAC) cannot be sent as RTP/JPEG");
                } else if (!(marker >= JpegMarker.APP0 && marker <= JpegMarker.APP15) && marker != JpegMarker.COM) {
                    throw new IllegalArgumentException(String.format("unexpected marker 0xFF%02X before the scan",
                            marker));
                }
                // APPn and COM: application data and comments, which RTP/JPEG does not carry
            }
        }

        /** The marker at the reader's position, after any fill bytes 0xFF. */
        private int nextMarker() {
            if (!in.hasRemaining() || (in.get() & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("truncated or malformed: a marker was expected at byte "
                        + Math.max(0, in.position() - 1));
            }
            int marker;
            do {
                if (!in.hasRemaining()) {
                    throw new IllegalArgumentException("truncated: the image ends in fill bytes");
                }
                marker = in.get() & 0xFF;
            } while (marker == 0xFF);
            return marker;
        }

        /** The segment's content after its length field; the reader moves past it. */
        private ByteBuffer segment(int marker) {
            if (in.remaining() < 2) {
                throw new IllegalArgumentException(String.format("truncated in the length of segment 0xFF%02X",
                        marker));
            }
            int length = in.getShort() & 0xFFFF;
            if (length < 2 || length - 2 > in.remaining()) {
                throw new IllegalArgumentException(String.format(
                        "segment 0xFF%02X claims %d bytes, %d are left", marker, length, in.remaining() + 2));
            }
            ByteBuffer segment = in.slice(in.position(), length - 2);
            in.position(in.position() + length - 2);
            return segment;
        }

        private void quantizationTables(ByteBuffer segment) {
            while (segment.hasRemaining()) {
                int pqTq = segment.get() & 0xFF;
                int id = pqTq & 0x0F;
                if (pqTq >> 4 != 0) {
                    throw new IllegalArgumentException("quantization table " + id
                            + " has 16-bit entries, which baseline JPEG (and so RTP/JPEG here) does not carry");
                }
                if (id > 3) {
                    throw new IllegalArgumentException("quantization table id " + id + " (0-3 exist)");
                }
                if (segment.remaining() < 64) {
                    throw new IllegalArgumentException("DQT segment ends inside table " + id);
                }
                byte[] table = new byte[64];
                segment.get(table);
                quantization[id] = table;
            }
        }

        private void huffmanTables(ByteBuffer segment) {
            while (segment.hasRemaining()) {
                int tcTh = segment.get() & 0xFF;
                int tableClass = tcTh >> 4;
                int id = tcTh & 0x0F;
                if (tableClass > 1 || id > 3) {
                    throw new IllegalArgumentException(String.format("Huffman table class %d id %d (0-1, 0-3 exist)",
                            tableClass, id));
                }
                if (segment.remaining() < 16) {
                    throw new IllegalArgumentException("DHT segment ends inside the code counts of a table");
                }
                int symbols = 0;
                for (int i = 0; i < 16; i++) {
                    symbols += segment.get(segment.position() + i) & 0xFF;
                }
                if (symbols > 256 || segment.remaining() < 16 + symbols) {
                    throw new IllegalArgumentException("DHT segment ends inside the symbols of a table");
                }
                byte[] table = new byte[16 + symbols];
                segment.get(table);
                huffman[tableClass][id] = table;
            }
        }

        private void restartInterval(ByteBuffer segment) {
            if (segment.remaining() != 2) {
                throw new IllegalArgumentException("DRI segment of " + (segment.remaining() + 2) + " bytes, not 4");
            }
            restartInterval = segment.getShort() & 0xFFFF;
        }

        private void frame(ByteBuffer segment) {
            if (components != null) {
                throw new IllegalArgumentException("two frame headers (SOF0)");
            }
            if (segment.remaining() < 6) {
                throw new IllegalArgumentException("truncated SOF0 segment");
            }
            int precision = segment.get() & 0xFF;
            height = segment.getShort() & 0xFFFF;
            width = segment.getShort() & 0xFFFF;
            int count = segment.get() & 0xFF;
            if (precision != 8) {
                throw new IllegalArgumentException(precision + "-bit samples: RTP/JPEG carries 8-bit images");
            }
            if (count != 3) {
                throw new IllegalArgumentException(count + " components: RTP/JPEG carries YCbCr images of 3 "
                        + "(RFC 2435 has no type for greyscale)");
            }
            if (segment.remaining() != 3 * count) {
                throw new IllegalArgumentException("SOF0 segment of the wrong length for 3 components");
            }
            components = new Component[count];
            for (int i = 0; i < count; i++) {
                components[i] = new Component(segment.get() & 0xFF, segment.get() & 0xFF, segment.get() & 0xFF);
            }
            if (height == 0) {
                throw new IllegalArgumentException("height 0 (given later by DNL): RTP/JPEG needs it in the header");
            }
            if (width == 0 || width % 8 != 0 || height % 8 != 0 || width > MAX_SIZE || height > MAX_SIZE) {
                throw new IllegalArgumentException(width + "x" + height + ": RTP/JPEG carries sizes in 8-pixel "
                        + "blocks up to " + MAX_SIZE + ", so both must be multiples of 8 no larger than that");
            }
        }

        private JpegImage scan() {
            ByteBuffer segment = segment(JpegMarker.SOS);
            if (components == null) {
                throw new IllegalArgumentException("the scan (SOS) comes before the frame header (SOF0)");
            }
            if (segment.remaining() != 1 + 2 * 3 + 3 || (segment.get() & 0xFF) != 3) {
                throw new IllegalArgumentException("the scan does not hold all 3 components: RTP/JPEG carries one "
                        + "interleaved scan");
            }
            int[] selectors = new int[3];
            for (int i = 0; i < 3; i++) {
                int id = segment.get() & 0xFF;
                if (id != components[i].id()) {
                    throw new IllegalArgumentException("the scan's components are not in the frame's order");
                }
                selectors[i] = segment.get() & 0xFF;
            }
            int start = segment.get() & 0xFF;
            int end = segment.get() & 0xFF;
            int approximation = segment.get() & 0xFF;
            if (start != 0 || end != 63 || approximation != 0) {
                throw new IllegalArgumentException("the scan is not a sequential one (Ss 0, Se 63, Ah/Al 0)");
            }
            JfifHeader header = new JfifHeader(type(), width, height, restartInterval, table(0), chromaTable());
            for (int i = 0; i < 3; i++) {
                checkHuffman(StandardHuffmanTables.DC, selectors[i] >> 4, i == 0);
                checkHuffman(StandardHuffmanTables.AC, selectors[i] & 0x0F, i == 0);
            }
            ByteBuffer scan = entropyCodedData();
            return new JpegImage(header, scan);
        }

        private int type() {
            int luma = components[0].sampling();
            if (components[1].sampling() != 0x11 || components[2].sampling() != 0x11
                    || (luma != JfifHeader.lumaSampling(JfifHeader.TYPE_422)
                        && luma != JfifHeader.lumaSampling(JfifHeader.TYPE_420))) {
                throw new IllegalArgumentException(String.format("sampling %dx%d, %dx%d, %dx%d: RTP/JPEG carries "
                        + "2x1, 1x1, 1x1 (4:2:2, type 0) or 2x2, 1x1, 1x1 (4:2:0, type 1)",
                        luma >> 4, luma & 15, components[1].sampling() >> 4, components[1].sampling() & 15,
                        components[2].sampling() >> 4, components[2].sampling() & 15));
            }
            return luma == JfifHeader.lumaSampling(JfifHeader.TYPE_422) ? JfifHeader.TYPE_422 : JfifHeader.TYPE_420;
        }

        private byte[] table(int component) {
            int id = components[component].table();
            if (id > 3 || quantization[id] == null) {
                throw new IllegalArgumentException("component " + components[component].id()
                        + " uses quantization table " + id + ", which the image does not define");
            }
            return quantization[id];
        }

        private byte[] chromaTable() {
            byte[] cb = table(1);
            if (!Arrays.equals(cb, table(2))) {
                throw new IllegalArgumentException("Cb and Cr are quantized with different tables: RTP/JPEG carries "
                        + "one chrominance table");
            }
            return cb;
        }

        /**
         * A table the image does not define is the standard one: Motion-JPEG from cameras often
         * leaves the {@code DHT} out for that reason. One it defines must be the standard one.
         */
        private void checkHuffman(int tableClass, int id, boolean luma) {
            byte[] table = id > 3 ? null : huffman[tableClass][id];
            if (id > 3) {
                throw new IllegalArgumentException("Huffman table id " + id + " (0-3 exist)");
            }
            if (table != null && !StandardHuffmanTables.isStandard(tableClass, luma, table)) {
                throw new IllegalArgumentException("the image's " + (luma ? "luminance " : "chrominance ")
                        + (tableClass == StandardHuffmanTables.DC ? "DC" : "AC") + " Huffman table is not the "
                        + "standard one (JPEG Annex K.3), and RTP/JPEG sends no Huffman tables: receivers would "
                        + "decode garbage. Encode with the standard tables (ffmpeg: -huffman default)");
            }
        }

        /** The data after {@code SOS} up to the marker that ends it, which must be {@code EOI}. */
        private ByteBuffer entropyCodedData() {
            int start = in.position();
            int limit = in.limit();
            for (int i = start; i < limit - 1; i++) {
                if ((in.get(i) & 0xFF) != 0xFF) {
                    continue;
                }
                int next = in.get(i + 1) & 0xFF;
                if (next == JpegMarker.EOI) {
                    if (i == start) {
                        throw new IllegalArgumentException("the scan has no entropy-coded data");
                    }
                    return in.slice(start, i - start);
                }
                if (!JpegMarker.continuesScan(next)) {
                    throw new IllegalArgumentException(String.format("marker 0xFF%02X after the scan: RTP/JPEG "
                            + "carries images of one scan, ending with EOI", next));
                }
                if (next != 0xFF) {
                    i++; // the stuffed zero or the restart marker's second byte is not a 0xFF to look at
                }
            }
            throw new IllegalArgumentException("truncated: the scan does not end with EOI");
        }
    }
}
