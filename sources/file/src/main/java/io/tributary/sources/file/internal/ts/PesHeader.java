package io.tributary.sources.file.internal.ts;

import java.io.IOException;

/**
 * The header of a PES packet (ISO/IEC 13818-1 §2.4.3.6) as far as demuxing needs it.
 *
 * @param length        bytes from the start code to the payload
 * @param payloadLength bytes of payload the header announces, or -1 when unbounded
 *                      ({@code PES_packet_length} 0, allowed for video)
 * @param pts           the 33-bit presentation time stamp, or -1 when absent
 * @param dts           the 33-bit decoding time stamp, or -1 when absent
 */
record PesHeader(int length, int payloadLength, long pts, long dts) {
    /** The fixed part: start code prefix, stream id, length, two flag bytes, header data length. */
    static final int FIXED = 9;

    /**
     * Reads a header that lies whole within {@code b[from, to)}.
     *
     * @throws IOException when the bytes are not a PES header with the optional fields of
     *                     audio and video streams, or the header does not fit
     */
    static PesHeader parse(byte[] b, int from, int to) throws IOException {
        if (to - from < FIXED) {
            throw new IOException("PES header cut after " + (to - from) + " bytes");
        }
        if (b[from] != 0 || b[from + 1] != 0 || b[from + 2] != 1) {
            throw new IOException("no PES start code");
        }
        if ((b[from + 6] & 0xC0) != 0x80) {
            throw new IOException("PES stream 0x" + Integer.toHexString(b[from + 3] & 0xFF)
                    + " without the optional header of audio and video");
        }
        int length = FIXED + (b[from + 8] & 0xFF);
        if (to - from < length) {
            throw new IOException("PES header of " + length + " bytes does not fit its packet");
        }
        int packetLength = (b[from + 4] & 0xFF) << 8 | b[from + 5] & 0xFF;
        int payloadLength = -1;
        if (packetLength > 0) {
            payloadLength = packetLength + 6 - length;
            if (payloadLength < 0) {
                throw new IOException("PES packet length " + packetLength + " shorter than its header");
            }
        }
        int flags = (b[from + 7] & 0xC0) >> 6;
        long pts = -1;
        long dts = -1;
        if (flags >= 2) {
            if (length < FIXED + 5) {
                throw new IOException("PES header too short for its PTS");
            }
            pts = timestamp(b, from + FIXED);
        }
        if (flags == 3) {
            if (length < FIXED + 10) {
                throw new IOException("PES header too short for its DTS");
            }
            dts = timestamp(b, from + FIXED + 5);
        }
        return new PesHeader(length, payloadLength, pts, dts);
    }

    /** The header length of a PES that starts at {@code from}, when it was read before. */
    static int length(byte[] b, int from, int to) throws IOException {
        if (to - from < FIXED || b[from] != 0 || b[from + 1] != 0 || b[from + 2] != 1) {
            throw new IOException("PES header changed since the file was indexed");
        }
        return FIXED + (b[from + 8] & 0xFF);
    }

    /** 33 bits spread over 5 bytes with marker bits. */
    private static long timestamp(byte[] b, int at) {
        return (long) (b[at] & 0x0E) << 29 | (b[at + 1] & 0xFF) << 22 | (b[at + 2] & 0xFE) << 14
                | (b[at + 3] & 0xFF) << 7 | (b[at + 4] & 0xFF) >> 1;
    }
}
