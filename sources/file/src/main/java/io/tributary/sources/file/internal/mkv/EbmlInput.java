package io.tributary.sources.file.internal.mkv;

import io.tributary.sources.file.internal.container.FileReader;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads EBML elements (RFC 8794) straight from the file with positional reads through a
 * window, so indexing walks every Cluster of a large file while reading little more than the
 * element and block headers. Every read is checked against the file size and the caller's
 * limit: malformed input fails with an {@link IOException}, never a runtime exception. One
 * thread (indexing at open).
 */
final class EbmlInput {
    private static final int WINDOW = 64 << 10;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW).limit(0);
    private long windowStart;

    EbmlInput(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    long size() {
        return size;
    }

    int u8(long position) throws IOException {
        long at = position - windowStart;
        if (at < 0 || at >= window.limit()) {
            fill(position);
            at = 0;
        }
        return window.get((int) at) & 0xFF;
    }

    /** {@code length} bytes from {@code position}; the caller bounds {@code length}. */
    byte[] bytes(long position, int length) throws IOException {
        if (position < 0 || length > size - position) {
            throw new EOFException(length + " bytes at " + position + " run past the end of the file (" + size
                    + " bytes)");
        }
        byte[] out = new byte[length];
        FileReader.readFully(channel, ByteBuffer.wrap(out), position);
        return out;
    }

    /**
     * The element whose header starts at {@code position}, or {@code null} when its header does not
     * fit before {@code limit} (a file cut off there).
     *
     * @throws IOException when the ID or size field is malformed
     */
    EbmlElement element(long position, long limit) throws IOException {
        long end = Math.min(limit, size);
        if (end - position < 2) {
            return null;
        }
        int first = u8(position);
        int idLength = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || idLength > 4) {
            throw new IOException(String.format("invalid element ID 0x%02X at %d", first, position));
        }
        if (end - position < idLength + 1) {
            return null;
        }
        int id = first;
        for (int i = 1; i < idLength; i++) {
            id = id << 8 | u8(position + i);
        }
        long at = position + idLength;
        int sizeFirst = u8(at);
        if (sizeFirst == 0) {
            throw new IOException("element " + String.format("0x%X", id) + " at " + position
                    + " has a size field longer than 8 bytes");
        }
        int sizeLength = Integer.numberOfLeadingZeros(sizeFirst) - 23;
        if (end - at < sizeLength) {
            return null;
        }
        int mask = 0xFF >> sizeLength;
        long value = sizeFirst & mask;
        boolean allOnes = value == mask;
        for (int i = 1; i < sizeLength; i++) {
            int b = u8(at + i);
            value = value << 8 | b;
            allOnes &= b == 0xFF;
        }
        return new EbmlElement(id, position, at + sizeLength, allOnes ? EbmlElement.UNKNOWN_SIZE : value);
    }

    /** The element at {@code position}, which must lie wholly within {@code parentEnd} and the file. */
    EbmlElement child(long position, long parentEnd, EbmlElement parent) throws IOException {
        EbmlElement e = element(position, parentEnd);
        if (e == null) {
            throw new IOException("element " + parent.name() + " at " + parent.start() + " ends inside a child header");
        }
        if (e.unknownSize() || e.size() > parentEnd - e.dataStart() || e.size() > size - e.dataStart()) {
            throw new IOException("element " + e.name() + " at " + position + " runs past the end of its parent "
                    + parent.name() + (e.size() > size - e.dataStart() ? " (the file is cut off)" : ""));
        }
        return e;
    }

    /** An unsigned integer element of up to 8 bytes (values above {@link Long#MAX_VALUE} are refused). */
    long unsigned(EbmlElement e) throws IOException {
        if (e.size() > 8) {
            throw new IOException("integer element " + e.name() + " at " + e.start() + " has " + e.size() + " bytes");
        }
        long value = 0;
        for (int i = 0; i < e.size(); i++) {
            value = value << 8 | u8(e.dataStart() + i);
        }
        if (value < 0) {
            throw new IOException("integer element " + e.name() + " at " + e.start() + " exceeds 2^63");
        }
        return value;
    }

    /** A signed (two's complement) integer element of up to 8 bytes. */
    long signed(EbmlElement e) throws IOException {
        if (e.size() > 8) {
            throw new IOException("integer element " + e.name() + " at " + e.start() + " has " + e.size() + " bytes");
        }
        if (e.size() == 0) {
            return 0;
        }
        long value = (byte) u8(e.dataStart());
        for (int i = 1; i < e.size(); i++) {
            value = value << 8 | u8(e.dataStart() + i);
        }
        return value;
    }

    /** A float element: 0, 4 or 8 bytes. */
    double floating(EbmlElement e) throws IOException {
        if (e.size() != 0 && e.size() != 4 && e.size() != 8) {
            throw new IOException("float element " + e.name() + " at " + e.start() + " has " + e.size() + " bytes");
        }
        long bits = 0;
        for (int i = 0; i < e.size(); i++) {
            bits = bits << 8 | u8(e.dataStart() + i);
        }
        return switch ((int) e.size()) {
            case 4 -> Float.intBitsToFloat((int) bits);
            case 8 -> Double.longBitsToDouble(bits);
            default -> 0;
        };
    }

    /** A string element (ASCII or UTF-8), up to its first NUL byte. */
    String string(EbmlElement e, int maxBytes) throws IOException {
        byte[] data = binary(e, maxBytes);
        int length = 0;
        while (length < data.length && data[length] != 0) {
            length++;
        }
        return new String(data, 0, length, StandardCharsets.UTF_8);
    }

    byte[] binary(EbmlElement e, int maxBytes) throws IOException {
        if (e.size() > maxBytes) {
            throw new IOException("element " + e.name() + " at " + e.start() + " has " + e.size()
                    + " bytes, more than " + maxBytes);
        }
        return bytes(e.dataStart(), (int) e.size());
    }

    private void fill(long position) throws IOException {
        if (position < 0 || position >= size) {
            throw new EOFException("read at " + position + " past the end of the file (" + size + " bytes)");
        }
        window.clear().limit((int) Math.min(WINDOW, size - position));
        FileReader.readFully(channel, window, position);
        window.flip();
        windowStart = position;
    }
}
