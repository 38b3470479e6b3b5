package io.tributary.rtsp.rtp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fixed RTP header (RFC 3550 §5.1) of one packet, and where its payload lies.
 *
 * @param timestamp     32-bit unsigned
 * @param ssrc          32-bit unsigned
 * @param payloadOffset first payload byte, relative to the packet start (after CSRCs and
 *                      the header extension)
 * @param payloadLength payload bytes, padding removed
 */
public record RtpHeader(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
        int payloadOffset, int payloadLength) {

    /** Bytes of the fixed header this class writes (no CSRC, no extension). */
    public static final int SIZE = 12;

    /**
     * Parses the packet between {@code packet}'s position and limit without moving them.
     * Returns null when it is not valid RTP: shorter than 12 bytes, version other than 2,
     * or CSRC list, header extension or padding running past the end.
     */
    public static RtpHeader parse(ByteBuffer packet) {
        int base = packet.position();
        int length = packet.remaining();
        if (length < SIZE) {
            return null;
        }
        int b0 = packet.get(base) & 0xFF;
        int b1 = packet.get(base + 1) & 0xFF;
        if (b0 >> 6 != 2) {
            return null;
        }
        int offset = SIZE + 4 * (b0 & 0x0F);
        if ((b0 & 0x10) != 0) {
            if (offset + 4 > length) {
                return null;
            }
            offset += 4 + 4 * u16(packet, base + offset + 2);
        }
        if (offset > length) {
            return null;
        }
        int payloadLength = length - offset;
        if ((b0 & 0x20) != 0) {
            int padding = packet.get(base + length - 1) & 0xFF;
            if (padding == 0 || padding > payloadLength) {
                return null;
            }
            payloadLength -= padding;
        }
        return new RtpHeader((b1 & 0x80) != 0, b1 & 0x7F, u16(packet, base + 2), u32(packet, base + 4),
                u32(packet, base + 8), offset, payloadLength);
    }

    /**
     * Writes a 12-byte header (V=2, no padding, extension or CSRC) at the position and
     * advances it; fields are truncated to their wire width.
     */
    public static void write(ByteBuffer dst, boolean marker, int pt, int seq, long ts, long ssrc) {
        int first = 0x80 << 8 | (marker ? 0x80 : 0) | (pt & 0x7F);
        if (dst.order() == ByteOrder.BIG_ENDIAN) {
            // three stores instead of twelve: this runs for every packet of every VOD reader
            dst.putInt(first << 16 | (seq & 0xFFFF)).putInt((int) ts).putInt((int) ssrc);
            return;
        }
        put16(dst, first);
        put16(dst, seq);
        put32(dst, ts);
        put32(dst, ssrc);
    }

    // network byte order whatever order the caller's buffer is set to
    static void put16(ByteBuffer b, int v) {
        b.put((byte) (v >>> 8)).put((byte) v);
    }

    static void put32(ByteBuffer b, long v) {
        b.put((byte) (v >>> 24)).put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
    }

    static int u16(ByteBuffer b, int at) {
        return ((b.get(at) & 0xFF) << 8) | (b.get(at + 1) & 0xFF);
    }

    static long u32(ByteBuffer b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }
}
