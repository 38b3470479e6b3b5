package io.tributary.api.payload.nal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Builds one access unit of length-prefixed NAL units from whole NAL units and from NAL units
 * that arrive in pieces, refusing to grow past a size bound. The working array is reused from
 * one unit to the next; {@link #take()} copies the finished unit out of it.
 */
public final class NalUnitAssembler {
    private final int maxSize;
    private byte[] buffer = new byte[16 * 1024];
    private int size;
    /** Offset of the length prefix of the NAL unit being pieced together, -1 when none. */
    private int openNal = -1;

    /** @param maxSize the largest access unit, in bytes */
    public NalUnitAssembler(int maxSize) {
        this.maxSize = maxSize;
    }

    /** Appends a whole NAL unit (the buffer's remaining bytes, none: nothing); {@code false} when over the bound. */
    public boolean addNal(ByteBuffer nal) {
        int length = nal.remaining();
        if (length == 0) {
            return true;
        }
        if (!reserve(NalUnits.LENGTH_SIZE + length)) {
            return false;
        }
        writeLength(size, length);
        size += NalUnits.LENGTH_SIZE;
        nal.get(buffer, size, length);
        size += length;
        return true;
    }

    /** Starts a NAL unit with the given header bytes; its body follows through {@link #append}. */
    public boolean beginNal(byte... header) {
        if (!reserve(NalUnits.LENGTH_SIZE + header.length)) {
            return false;
        }
        openNal = size;
        size += NalUnits.LENGTH_SIZE;
        System.arraycopy(header, 0, buffer, size, header.length);
        size += header.length;
        return true;
    }

    /** Appends the buffer's remaining bytes to the open NAL unit; {@code false} when over the bound. */
    public boolean append(ByteBuffer piece) {
        int length = piece.remaining();
        if (!reserve(length)) {
            return false;
        }
        piece.get(buffer, size, length);
        size += length;
        return true;
    }

    /** Writes the length prefix of the open NAL unit. */
    public void endNal() {
        writeLength(openNal, size - openNal - NalUnits.LENGTH_SIZE);
        openNal = -1;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** A copy of the unit built so far; the assembler is then empty. */
    public ByteBuffer take() {
        ByteBuffer unit = ByteBuffer.wrap(Arrays.copyOf(buffer, size));
        reset();
        return unit;
    }

    /** Forgets the unit built so far. */
    public void reset() {
        size = 0;
        openNal = -1;
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
}
