package io.tributary.sources.file.internal.mp4;

import io.tributary.sources.file.internal.container.FileReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Walks the top-level boxes of a file with positional reads (so it may share the channel
 * with readers) and loads the movie box, wherever it lies relative to the media data.
 */
final class TopLevelBoxes {
    /** The largest movie box loaded into memory; a two-hour movie needs a few MB. */
    static final long MAX_MOOV_SIZE = 64L << 20;

    private TopLevelBoxes() {
    }

    /** What the top level tells: the major brand ({@code ""} without {@code ftyp}) and the movie box payload. */
    record Found(String majorBrand, byte[] moov) {
    }

    static Found readMoov(FileChannel channel, long fileSize) throws IOException {
        String brand = "";
        long position = 0;
        ByteBuffer header = ByteBuffer.allocate(16);
        while (fileSize - position >= 8) {
            FileReader.readFully(channel, header.clear().limit(8), position);
            long size = header.getInt(0) & 0xFFFF_FFFFL;
            String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
            int headerSize = 8;
            if (size == 1) {
                if (fileSize - position < 16) {
                    break;
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
            boolean complete = size <= fileSize - position;
            switch (type) {
                case "moov" -> {
                    if (!complete) {
                        throw new IOException("moov box is truncated (file ends before its " + size + " bytes)");
                    }
                    if (size - headerSize > MAX_MOOV_SIZE) {
                        throw new IOException("moov box of " + size + " bytes exceeds " + MAX_MOOV_SIZE);
                    }
                    ByteBuffer moov = ByteBuffer.allocate((int) (size - headerSize));
                    FileReader.readFully(channel, moov, position + headerSize);
                    return new Found(brand, moov.array());
                }
                case "moof" -> throw new IOException("fragmented MP4 not supported yet");
                case "ftyp" -> {
                    if (position == 0 && size >= headerSize + 4) {
                        FileReader.readFully(channel, header.clear().limit(4), position + headerSize);
                        brand = new String(header.array(), 0, 4, StandardCharsets.ISO_8859_1);
                    }
                }
                default -> {
                    // mdat, free, skip, wide, uuid, …: not needed to find the samples
                }
            }
            if (!complete) {
                break; // an unfinished recording: its last box is cut off
            }
            position += size;
        }
        throw new IOException("no moov box (not an MP4/MOV file, or an unfinished recording)");
    }
}
