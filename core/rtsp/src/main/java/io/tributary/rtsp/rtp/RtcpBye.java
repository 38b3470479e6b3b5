package io.tributary.rtsp.rtp;

import java.nio.ByteBuffer;

/** Writes a BYE (RFC 3550 §6.6). Append it to a sender report to form a valid compound packet. */
public final class RtcpBye {
    static final int BYE = 203;

    private RtcpBye() {
    }

    /** Writes an 8-byte BYE for {@code ssrc} at the position and advances it; returns 8. */
    public static int write(ByteBuffer dst, long ssrc) {
        dst.put((byte) 0x81).put((byte) BYE);
        RtpHeader.put16(dst, 1);
        RtpHeader.put32(dst, ssrc);
        return 8;
    }
}
