package io.tributary.sources.file.internal.mkv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns the Opus identification header that Matroska stores as CodecPrivate (RFC 7845 §5.1,
 * little-endian) into the Opus Specific Box ({@code dOps}, "Encapsulation of Opus in ISO Base
 * Media File Format" §4.3.2, big-endian) that the Opus payload format takes as configuration:
 * the same fields in the same order, with version 0 and the magic dropped.
 */
final class OpusHead {
    private static final int MIN_SIZE = 19;
    private static final long MAGIC = 0x4F70757348656164L; // "OpusHead"

    private OpusHead() {
    }

    static byte[] toDops(byte[] head) throws IOException {
        if (head.length < MIN_SIZE) {
            throw new IOException("OpusHead of " + head.length + " bytes, at least " + MIN_SIZE + " expected");
        }
        ByteBuffer in = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (ByteBuffer.wrap(head).getLong() != MAGIC) {
            throw new IOException("CodecPrivate of an Opus track is not an OpusHead");
        }
        int version = in.get(8) & 0xFF;
        if (version >> 4 != 0) {
            throw new IOException("OpusHead version " + version + " is not supported");
        }
        int channels = in.get(9) & 0xFF;
        if (channels == 0) {
            throw new IOException("OpusHead with 0 channels");
        }
        int family = in.get(18) & 0xFF;
        int mappingSize = family == 0 ? 0 : 2 + channels;
        if (head.length < MIN_SIZE + mappingSize) {
            throw new IOException("OpusHead of " + head.length + " bytes misses its channel mapping table");
        }
        ByteBuffer dops = ByteBuffer.allocate(11 + mappingSize);
        dops.put((byte) 0).put((byte) channels).putShort(in.getShort(10)).putInt(in.getInt(12))
                .putShort(in.getShort(16)).put((byte) family).put(head, MIN_SIZE, mappingSize);
        return dops.array();
    }
}
