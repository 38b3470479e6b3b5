package io.tributary.sources.file.internal.mp4;

import io.tributary.sources.file.internal.container.FileReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the top-level boxes of a file with positional reads (so it may share the channel
 * with readers): loads the movie box, wherever it lies relative to the media data, and notes
 * where the movie fragments ({@code moof}) start.
 */
final class TopLevelBoxes {
    /** The largest movie box loaded into memory; a two-hour movie needs a few MB. */
    static final long MAX_MOOV_SIZE = 64L << 20;
    /** Movie fragments per file: 1 Mi is nine hours of one fragment per frame at 30 fps. */
    static final int MAX_FRAGMENTS = 1 << 20;
    /** Top-level boxes per file: room for a {@code styp}, {@code sidx}, {@code moof} and {@code mdat} per fragment. */
    static final int MAX_BOXES = 4 * MAX_FRAGMENTS + 64;

    private static final Logger LOG = LoggerFactory.getLogger(TopLevelBoxes.class);

    private TopLevelBoxes() {
    }

    /**
     * What the top level tells.
     *
     * @param majorBrand the {@code ftyp} major brand, {@code ""} without {@code ftyp}
     * @param moov       the movie box payload
     * @param fragments  where each complete movie fragment box starts, in file order
     */
    record Found(String majorBrand, byte[] moov, long[] fragments) {
    }

    /**
     * A top-level box header.
     *
     * @param size       the whole box, header included
     * @param headerSize 8, or 16 with a 64-bit size
     * @param complete   whether the file holds all of it (the last box of an unfinished recording does not)
     */
    record Header(String type, long position, long size, int headerSize, boolean complete) {
        long payloadStart() {
            return position + headerSize;
        }

        long payloadSize() {
            return size - headerSize;
        }
    }

    static Found read(FileChannel channel, long fileSize) throws IOException {
        String brand = "";
        byte[] moov = null;
        long[] fragments = new long[16];
        int fragmentCount = 0;
        long position = 0;
        for (int boxes = 0; fileSize - position >= 8; boxes++) {
            if (boxes == MAX_BOXES) {
                throw new IOException("more than " + MAX_BOXES + " top-level boxes");
            }
            Header box;
            try {
                box = header(channel, position, fileSize);
            } catch (IOException e) {
                if (moov == null) {
                    throw e;
                }
                // what an unfinished or padded file leaves after the movie: the movie still plays
                LOG.debug("top-level walk ends at {}: {}", position, e.getMessage());
                break;
            }
            if (box == null) {
                break;
            }
            switch (box.type()) {
                case "moov" -> {
                    if (moov == null && !box.complete()) {
                        throw new IOException("moov box is truncated (file ends before its " + box.size() + " bytes)");
                    }
                    if (moov == null) {
                        moov = load(channel, box);
                    } else {
                        LOG.debug("second moov box at {} ignored", position);
                    }
                }
                case "moof" -> {
                    if (box.complete()) {
                        if (fragmentCount == MAX_FRAGMENTS) {
                            throw new IOException("more than " + MAX_FRAGMENTS + " movie fragments");
                        }
                        if (fragmentCount == fragments.length) {
                            fragments = Arrays.copyOf(fragments, 2 * fragmentCount);
                        }
                        fragments[fragmentCount++] = box.position();
                    }
                }
                case "ftyp" -> {
                    if (position == 0 && box.size() >= box.headerSize() + 4 && box.complete()) {
                        ByteBuffer major = ByteBuffer.allocate(4);
                        FileReader.readFully(channel, major, box.payloadStart());
                        brand = new String(major.array(), StandardCharsets.ISO_8859_1);
                    }
                }
                default -> {
                    // mdat, free, skip, wide, uuid, styp, sidx, mfra, …: not needed to find the samples
                }
            }
            if (!box.complete()) {
                break; // an unfinished recording: its last box is cut off
            }
            position += box.size();
        }
        if (moov == null) {
            throw new IOException("no moov box (not an MP4/MOV file, or an unfinished recording)");
        }
        return new Found(brand, moov, Arrays.copyOf(fragments, fragmentCount));
    }

    /**
     * The header of the box at {@code position}, or {@code null} when the file ends inside it.
     *
     * @throws IOException when its size is smaller than its header
     */
    static Header header(FileChannel channel, long position, long fileSize) throws IOException {
        if (fileSize - position < 8) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(16);
        FileReader.readFully(channel, header.limit(8), position);
        long size = header.getInt(0) & 0xFFFF_FFFFL;
        String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
        int headerSize = 8;
        if (size == 1) {
            if (fileSize - position < 16) {
                return null;
            }
            FileReader.readFully(channel, header.clear().position(8).limit(16), position + 8);
            size = header.getLong(8);
            headerSize = 16;
        } else if (size == 0) {
            size = fileSize - position;
        }
        if (size < headerSize) {
            throw new IOException("top-level box '" + BoxCursor.printable(type) + "' at " + position
                    + " has invalid size " + size);
        }
        return new Header(type, position, size, headerSize, size <= fileSize - position);
    }

    /** A complete box's payload, at most {@link #MAX_MOOV_SIZE} bytes. */
    static byte[] load(FileChannel channel, Header box) throws IOException {
        if (box.payloadSize() > MAX_MOOV_SIZE) {
            throw new IOException(box.type() + " box of " + box.size() + " bytes exceeds " + MAX_MOOV_SIZE);
        }
        ByteBuffer payload = ByteBuffer.allocate((int) box.payloadSize());
        FileReader.readFully(channel, payload, box.payloadStart());
        return payload.array();
    }
}
