package io.tributary.sources.file.internal.mp4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Big-endian reads over a box payload held in memory. Every read is bounded by the payload:
 * malformed input fails with an {@link IOException}, never with a runtime exception.
 * Not thread-safe; cheap to create (children share the parent's array).
 */
final class BoxCursor {
    /** Children per box: the boxes read here have a handful; more is an attack on memory. */
    static final int MAX_CHILDREN = 4096;

    private final byte[] data;
    private final int limit;
    private int position;

    BoxCursor(byte[] data) {
        this(data, 0, data.length);
    }

    private BoxCursor(byte[] data, int start, int limit) {
        this.data = data;
        this.position = start;
        this.limit = limit;
    }

    /** A box: its four-character type and where its payload (after the header) lies. */
    record Box(String type, byte[] data, int start, int limit) {
        /** A fresh cursor over the payload. */
        BoxCursor payload() {
            return new BoxCursor(data, start, limit);
        }
    }

    int remaining() {
        return limit - position;
    }

    int u8() throws IOException {
        require(1);
        return data[position++] & 0xFF;
    }

    int u16() throws IOException {
        require(2);
        int value = (data[position] & 0xFF) << 8 | data[position + 1] & 0xFF;
        position += 2;
        return value;
    }

    int i32() throws IOException {
        require(4);
        int value = (data[position] & 0xFF) << 24 | (data[position + 1] & 0xFF) << 16
                | (data[position + 2] & 0xFF) << 8 | data[position + 3] & 0xFF;
        position += 4;
        return value;
    }

    long u32() throws IOException {
        return i32() & 0xFFFF_FFFFL;
    }

    /** A 64-bit field; values above {@link Long#MAX_VALUE} come back negative. */
    long i64() throws IOException {
        return (long) i32() << 32 | u32();
    }

    /** An unsigned 32-bit count or size that must not exceed {@code max}. */
    int count(long max, String what) throws IOException {
        long value = u32();
        if (value > max) {
            throw new IOException(what + " " + value + " exceeds " + max);
        }
        return (int) value;
    }

    /** Reads the version and flags of a full box and returns the version. */
    int version() throws IOException {
        return i32() >>> 24;
    }

    String fourcc() throws IOException {
        require(4);
        String type = new String(data, position, 4, StandardCharsets.ISO_8859_1);
        position += 4;
        return type;
    }

    byte[] bytes(int length) throws IOException {
        require(length);
        byte[] copy = new byte[length];
        System.arraycopy(data, position, copy, 0, length);
        position += length;
        return copy;
    }

    /** The rest of the payload as a copy. */
    byte[] rest() throws IOException {
        return bytes(remaining());
    }

    void skip(long length) throws IOException {
        if (length < 0) {
            throw new IOException("negative skip");
        }
        require(length);
        position += (int) length;
    }

    /**
     * Reads the boxes that fill the rest of this payload. A box of size 0 extends to the end;
     * fewer than 8 trailing bytes (a common terminator) are ignored.
     */
    List<Box> children() throws IOException {
        List<Box> boxes = new ArrayList<>();
        while (remaining() >= 8) {
            if (boxes.size() == MAX_CHILDREN) {
                throw new IOException("more than " + MAX_CHILDREN + " boxes in one box");
            }
            int start = position;
            long size = u32();
            String type = fourcc();
            if (size == 1) {
                size = i64();
            } else if (size == 0) {
                size = limit - start;
            }
            int header = position - start;
            if (size < header || size > limit - start) {
                throw new IOException("box '" + printable(type) + "' has invalid size " + size);
            }
            boxes.add(new Box(type, data, position, start + (int) size));
            position = start + (int) size;
        }
        position = limit;
        return boxes;
    }

    /** The first child of a type, or {@code null}. */
    static Box find(List<Box> boxes, String type) {
        for (Box box : boxes) {
            if (box.type().equals(type)) {
                return box;
            }
        }
        return null;
    }

    /** The first child of a type. */
    static Box require(List<Box> boxes, String type, String parent) throws IOException {
        Box box = find(boxes, type);
        if (box == null) {
            throw new IOException("missing '" + type + "' box in '" + parent + "'");
        }
        return box;
    }

    /** A box type fit for messages: non-printable characters escaped. */
    static String printable(String type) {
        StringBuilder sb = new StringBuilder(type.length());
        for (char c : type.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", (int) c));
            }
        }
        return sb.toString();
    }

    private void require(long length) throws IOException {
        if (length > remaining()) {
            throw new IOException("box payload ends early (need " + length + " bytes, have " + remaining() + ")");
        }
    }
}
