package io.tributary.sources.file.internal.mkv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes EBML elements for handmade test files: the shapes ffmpeg never writes (lacing, header stripping, …). */
final class Ebml {
    private Ebml() {
    }

    static byte[] element(int id, byte[]... children) {
        byte[] payload = concat(children);
        return concat(id(id), size(payload.length), payload);
    }

    /** An element of unknown size (all size bits set), as live writers leave Segments and Clusters. */
    static byte[] unknownSize(int id, byte[]... children) {
        return concat(id(id), new byte[] {0x01, -1, -1, -1, -1, -1, -1, -1}, concat(children));
    }

    static byte[] uint(int id, long value) {
        return element(id, new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
    }

    static byte[] string(int id, String value) {
        return element(id, value.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] header(String docType) {
        return element(ElementIds.EBML, string(ElementIds.DOC_TYPE, docType), uint(ElementIds.DOC_TYPE_READ_VERSION, 2));
    }

    /** A TrackEntry with the given number, type, codec and extra children. */
    static byte[] track(int number, int type, String codec, byte[]... more) {
        return element(ElementIds.TRACK_ENTRY, uint(ElementIds.TRACK_NUMBER, number), uint(ElementIds.TRACK_TYPE, type),
                string(ElementIds.CODEC_ID, codec), concat(more));
    }

    /** The identification header of a stereo Opus stream with a pre-skip of 312 samples. */
    static byte[] opusHead() {
        return new byte[] {'O', 'p', 'u', 's', 'H', 'e', 'a', 'd', 1, 2, 0x38, 0x01, (byte) 0x80, (byte) 0xBB, 0, 0,
                0, 0, 0};
    }

    /** A Block or SimpleBlock payload: track number (one byte), relative time, flags, lacing head and frames. */
    static byte[] block(int track, int relativeTime, int flags, byte[] lacing, byte[]... frames) {
        return concat(new byte[] {(byte) (0x80 | track), (byte) (relativeTime >> 8), (byte) relativeTime,
                (byte) flags}, lacing, concat(frames));
    }

    /** {@code size} bytes counting up from {@code seed}. */
    static byte[] frame(int size, int seed) {
        byte[] frame = new byte[size];
        for (int i = 0; i < size; i++) {
            frame[i] = (byte) (seed + i);
        }
        return frame;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] id(int id) {
        int length = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (id >> 8 * (length - 1 - i));
        }
        return out;
    }

    /** Sizes as 8-byte vints, as ffmpeg writes Segments: one width keeps the arithmetic of tests simple. */
    private static byte[] size(long size) {
        byte[] out = new byte[8];
        out[0] = 0x01;
        for (int i = 1; i < 8; i++) {
            out[i] = (byte) (size >> 8 * (7 - i));
        }
        return out;
    }
}
