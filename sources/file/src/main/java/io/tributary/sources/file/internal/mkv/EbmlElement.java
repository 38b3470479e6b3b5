package io.tributary.sources.file.internal.mkv;

/**
 * The header of one EBML element (RFC 8794 §4): its ID with the length marker kept (as the
 * Matroska specification writes IDs, {@code 0x1A45DFA3}), where it starts, where its data starts
 * and how long the data is.
 *
 * @param id        element ID, 1 to 4 bytes with the marker bits
 * @param start     file position of the ID
 * @param dataStart file position of the data, after the size field
 * @param size      data size in bytes, or {@link #UNKNOWN_SIZE} (all size bits set: a live-written
 *                  Segment or Cluster)
 */
record EbmlElement(int id, long start, long dataStart, long size) {
    static final long UNKNOWN_SIZE = -1;

    boolean unknownSize() {
        return size == UNKNOWN_SIZE;
    }

    /** The position after the data; only for elements of known size. */
    long end() {
        return dataStart + size;
    }

    /** The ID as the specification writes it, for messages. */
    String name() {
        return String.format("0x%X", id);
    }
}
