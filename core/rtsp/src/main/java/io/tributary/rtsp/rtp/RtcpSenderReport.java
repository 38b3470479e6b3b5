package io.tributary.rtsp.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes a sender report with its CNAME: the compound packet a sender emits every few seconds. */
public final class RtcpSenderReport {
    static final int SR = 200;
    static final int SDES = 202;

    private RtcpSenderReport() {
    }

    /**
     * Writes SR (no report blocks) + SDES(CNAME) at the position and advances it.
     *
     * @param cname at most 255 bytes in UTF-8
     * @return bytes written: 28 + 12 + CNAME rounded up to 4
     * @throws IllegalArgumentException when the CNAME is too long
     * @throws java.nio.BufferOverflowException when {@code dst} lacks room
     */
    public static int write(ByteBuffer dst, long ssrc, long ntpTimestamp64, long rtpTimestamp,
            long packetCount, long octetCount, String cname) {
        byte[] name = cname.getBytes(StandardCharsets.UTF_8);
        if (name.length > 255) {
            throw new IllegalArgumentException("CNAME longer than 255 bytes");
        }
        // SDES chunk: SSRC, CNAME item (type, length, text), then 1-4 zero bytes to a 32-bit boundary
        int chunk = 4 + ((2 + name.length + 4) & ~3);
        int start = dst.position();
        dst.put((byte) 0x80).put((byte) SR);
        RtpHeader.put16(dst, 6);
        RtpHeader.put32(dst, ssrc);
        RtpHeader.put32(dst, ntpTimestamp64 >>> 32);
        RtpHeader.put32(dst, ntpTimestamp64);
        RtpHeader.put32(dst, rtpTimestamp);
        RtpHeader.put32(dst, packetCount);
        RtpHeader.put32(dst, octetCount);
        dst.put((byte) 0x81).put((byte) SDES);
        RtpHeader.put16(dst, chunk / 4);
        RtpHeader.put32(dst, ssrc);
        dst.put((byte) 1).put((byte) name.length).put(name);
        for (int i = 2 + name.length; i < chunk - 4; i++) {
            dst.put((byte) 0);
        }
        return dst.position() - start;
    }
}
