package io.tributary.sources.file.internal.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small single-track H.264 MP4 files box by box, in the shapes ffmpeg does not
 * produce: short NAL length prefixes, 64-bit box sizes, a size-0 last box, {@code co64},
 * {@code stz2}, empty edits, foreign handlers and broken tables.
 */
final class MovieBuilder {
    static final int TIMESCALE = 90000;
    static final int SAMPLE_DURATION = 3000;

    private final List<byte[]> samples = new ArrayList<>();
    int nalLengthSize = 4;
    boolean largeSizes;
    boolean moovFirst;
    boolean mdatToEnd;
    boolean co64;
    boolean stz2;
    long emptyEditMillis = -1;
    String handler = "vide";
    String sampleEntry = "avc1";
    byte[] extraMoovBox = new byte[0];
    long constantSampleSize = -1;
    long constantSampleCount;

    /** Adds a sample of NAL units, each prefixed with a length of {@link #nalLengthSize} bytes. */
    MovieBuilder sample(byte[]... nalUnits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] unit : nalUnits) {
            for (int i = nalLengthSize - 1; i >= 0; i--) {
                out.write(unit.length >>> (8 * i));
            }
            out.writeBytes(unit);
        }
        samples.add(out.toByteArray());
        return this;
    }

    byte[] build() {
        byte[] ftyp = box("ftyp", ascii("isom"), u32(512), ascii("isomavc1"));
        int mdatHeader = largeSizes ? 16 : 8;
        byte[] media = concat(samples.toArray(byte[][]::new));
        long dataOffset = ftyp.length + mdatHeader;
        if (moovFirst) {
            dataOffset += moov(0).length;
        }
        byte[] moov = moov(dataOffset);
        byte[] mdat = mdatToEnd ? concat(u32(0), ascii("mdat"), media)
                : largeSizes ? concat(u32(1), ascii("mdat"), u64(16L + media.length), media)
                : box("mdat", media);
        return moovFirst ? concat(ftyp, moov, mdat) : concat(ftyp, mdat, moov);
    }

    private byte[] moov(long dataOffset) {
        int n = samples.size();
        long durationMillis = n * 1000L * SAMPLE_DURATION / TIMESCALE;
        byte[] mvhd = fullBox("mvhd", u32(0, 0, 1000, durationMillis), new byte[80]);
        byte[] tkhd = fullBox("tkhd", u32(0, 0, 1, 0, durationMillis), new byte[60]);
        byte[] edts = emptyEditMillis < 0 ? new byte[0] : box("edts", fullBox("elst", u32(2),
                u32(emptyEditMillis, 0xFFFF_FFFFL), u16(1, 0), u32(durationMillis, 0), u16(1, 0)));
        byte[] mdhd = fullBox("mdhd", u32(0, 0, TIMESCALE, (long) n * SAMPLE_DURATION), u16(0x55C4, 0));
        byte[] hdlr = fullBox("hdlr", u32(0), ascii(handler), u32(0, 0, 0), new byte[1]);
        byte[] sps = {0x67, 0x42, 0, 0x1E, (byte) 0xAB};
        byte[] pps = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};
        byte[] avcC = box("avcC", u8(1, 0x42, 0, 0x1E, 0xFC | nalLengthSize - 1, 0xE1), u16(sps.length), sps,
                u8(1), u16(pps.length), pps);
        byte[] entry = box(sampleEntry, new byte[6], u16(1), new byte[16], u16(320, 180),
                u32(0x480000, 0x480000, 0), u16(1), new byte[32], u16(0x18, 0xFFFF), avcC);
        byte[] stsd = fullBox("stsd", u32(1), entry);
        byte[] stts = fullBox("stts", u32(1, n, SAMPLE_DURATION));
        byte[] stss = fullBox("stss", u32(1, 1));
        byte[] stsc = fullBox("stsc", u32(1, 1, n, 1));
        byte[] sizes;
        if (constantSampleSize >= 0) {
            sizes = fullBox("stsz", u32(constantSampleSize, constantSampleCount));
        } else if (stz2) {
            byte[] table = new byte[n];
            for (int i = 0; i < n; i++) {
                table[i] = (byte) samples.get(i).length;
            }
            sizes = fullBox("stz2", u8(0, 0, 0, 8), u32(n), table);
        } else {
            long[] table = samples.stream().mapToLong(s -> s.length).toArray();
            sizes = fullBox("stsz", u32(0, n), u32(table));
        }
        byte[] chunks = co64 ? fullBox("co64", u32(1), u64(dataOffset)) : fullBox("stco", u32(1, dataOffset));
        byte[] stbl = box("stbl", stsd, stts, stss, stsc, sizes, chunks);
        byte[] minf = box("minf", stbl);
        byte[] trak = box("trak", tkhd, edts, box("mdia", mdhd, hdlr, minf));
        byte[] content = concat(mvhd, trak, extraMoovBox);
        return largeSizes ? concat(u32(1), ascii("moov"), u64(16L + content.length), content) : box("moov", content);
    }

    static byte[] box(String type, byte[]... parts) {
        byte[] content = concat(parts);
        return concat(u32(8L + content.length), ascii(type), content);
    }

    /** A full box of version 0 without flags. */
    static byte[] fullBox(String type, byte[]... parts) {
        return box(type, u32(0), concat(parts));
    }

    static byte[] u8(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] u16(int... values) {
        byte[] out = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            out[2 * i] = (byte) (values[i] >>> 8);
            out[2 * i + 1] = (byte) values[i];
        }
        return out;
    }

    static byte[] u32(long... values) {
        byte[] out = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            for (int b = 0; b < 4; b++) {
                out[4 * i + b] = (byte) (values[i] >>> (24 - 8 * b));
            }
        }
        return out;
    }

    static byte[] u64(long value) {
        return concat(u32(value >>> 32), u32(value & 0xFFFF_FFFFL));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
