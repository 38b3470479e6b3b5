package io.tributary.codecs.h264.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Builds one access unit in AVCC layout from whole NAL units and from NAL units that arrive
 * in pieces, refusing to grow past a size bound. The working array is reused from one unit to
 * the next; {@link #take()} copies the finished unit out of it.
 */
final class AvccAssembler {
    private final int maxSize;
    private byte[] buffer = new byte[16 * 1024];
    private int size;
    /** Offset of the length prefix of the NAL unit being pieced together, -1 when none. */
    private int openNal = -1;
    private boolean idr;

    AvccAssembler(int maxSize) {
        this.maxSize = maxSize;
    }

    /** Appends a whole NAL unit (the buffer's remaining bytes, none: nothing); {@code false} when over the bound. */
    boolean addNal(ByteBuffer nal) {
        int length = nal.remaining();
        if (length == 0) {
            return true;
        }
        if (!reserve(AvccNalUnits.LENGTH_SIZE + length)) {
            return false;
        }
        writeLength(size, length);
        size += AvccNalUnits.LENGTH_SIZE;
        noteType(nal.get(nal.position()));
        nal.get(buffer, size, length);
        size += length;
        return true;
    }

    /** Starts a NAL unit with the given header byte; its body follows through {@link #append}. */
    boolean beginNal(int header) {
        if (!reserve(AvccNalUnits.LENGTH_SIZE + 1)) {
            return false;
        }
        openNal = size;
        size += AvccNalUnits.LENGTH_SIZE;
        buffer[size++] = (byte) header;
        noteType((byte) header);
        return true;
    }

    /** Appends the buffer's remaining bytes to the open NAL unit; {@code false} when over the bound. */
    boolean append(ByteBuffer piece) {
        int length = piece.remaining();
        if (!reserve(length)) {
            return false;
        }
        piece.get(buffer, size, length);
        size += length;
        return true;
    }

    /** Writes the length prefix of the open NAL unit. */
    void endNal() {
        writeLength(openNal, size - openNal - AvccNalUnits.LENGTH_SIZE);
        openNal = -1;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** {@code true} when the unit holds an IDR slice. */
    boolean containsIdr() {
        return idr;
    }

    /** A copy of the unit built so far; the assembler is then empty. */
    ByteBuffer take() {
        ByteBuffer unit = ByteBuffer.wrap(Arrays.copyOf(buffer, size));
        reset();
        return unit;
    }

    void reset() {
        size = 0;
        openNal = -1;
        idr = false;
    }

    private boolean reserve(int more) {
        long needed = (long) size + more;
        if (needed > maxSize) {
            return false;
        }
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(maxSize, Math.max(needed, 2L * buffer.length)));
        }
        return true;
    }

    private void writeLength(int at, int length) {
        buffer[at] = (byte) (length >>> 24);
        buffer[at + 1] = (byte) (length >>> 16);
        buffer[at + 2] = (byte) (length >>> 8);
        buffer[at + 3] = (byte) length;
    }

    private void noteType(byte header) {
        idr |= NalUnitType.of(header) == NalUnitType.IDR;
    }
}
