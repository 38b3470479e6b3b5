package io.tributary.rtsp.srtp;

import java.nio.ByteBuffer;

/** Where the parts of RTP and RTCP packets lie, read in network byte order at absolute indexes. */
final class PacketLayout {
    static final int RTP_HEADER = 12;
    /** RTCP header and sender SSRC: the part SRTCP never encrypts (RFC 3711 §3.4). */
    static final int RTCP_HEADER = 8;

    private PacketLayout() {
    }

    /**
     * Bytes of the RTP header (fixed part, CSRCs, extension) of the packet at {@code base} whose
     * first {@code length} bytes may hold a header, or a negative {@link SrtpError} code.
     */
    static int rtpHeaderLength(ByteBuffer b, int base, int length) {
        if (length < RTP_HEADER) {
            return SrtpError.TOO_SHORT.code();
        }
        int b0 = b.get(base) & 0xFF;
        if (b0 >>> 6 != 2) {
            return SrtpError.MALFORMED.code();
        }
        int header = RTP_HEADER + 4 * (b0 & 0x0F);
        if ((b0 & 0x10) != 0) {
            if (header + 4 > length) {
                return SrtpError.MALFORMED.code();
            }
            header += 4 + 4 * u16(b, base + header + 2);
        }
        return header > length ? SrtpError.MALFORMED.code() : header;
    }

    /** 0 when the RTCP packet at {@code base} has a version 2 header, else a negative code. */
    static int checkRtcpHeader(ByteBuffer b, int base, int length) {
        if (length < RTCP_HEADER) {
            return SrtpError.TOO_SHORT.code();
        }
        return (b.get(base) & 0xFF) >>> 6 == 2 ? 0 : SrtpError.MALFORMED.code();
    }

    static int u16(ByteBuffer b, int at) {
        return ((b.get(at) & 0xFF) << 8) | (b.get(at + 1) & 0xFF);
    }

    static long u32(ByteBuffer b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }

    static void put32(ByteBuffer b, int at, long v) {
        b.put(at, (byte) (v >>> 24));
        b.put(at + 1, (byte) (v >>> 16));
        b.put(at + 2, (byte) (v >>> 8));
        b.put(at + 3, (byte) v);
    }

    /** {@code expected} equals {@code b[at, at + expected.length)}. */
    static boolean matches(ByteBuffer b, int at, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (b.get(at + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code length} bytes of {@code tag} equal {@code b[at, at + length)}, in constant time. */
    static boolean tagMatches(byte[] tag, ByteBuffer b, int at, int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= tag[i] ^ b.get(at + i);
        }
        return diff == 0;
    }
}
