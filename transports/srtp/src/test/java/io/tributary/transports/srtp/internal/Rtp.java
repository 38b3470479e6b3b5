package io.tributary.transports.srtp.internal;

import io.tributary.rtsp.srtp.SrtpError;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpReceiver;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** RTP and RTCP packets for tests, and reading SRTP back. */
final class Rtp {
    private Rtp() {
    }

    /** An RTP packet (version 2, payload type 96) whose payload bytes are a pattern of {@code seed}. */
    static byte[] packet(long ssrc, int sequence, long timestamp, int payloadSize, int seed) {
        ByteBuffer b = ByteBuffer.allocate(12 + payloadSize);
        b.put((byte) 0x80).put((byte) 96).putShort((short) sequence).putInt((int) timestamp).putInt((int) ssrc);
        for (int i = 0; i < payloadSize; i++) {
            b.put((byte) (i * 7 + seed));
        }
        return b.array();
    }

    /** An RTCP receiver report of {@code ssrc} about {@code source} (one report block). */
    static byte[] receiverReport(long ssrc, long source) {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt((int) ssrc);
        b.putInt((int) source).putInt(0).putInt(1234).putInt(5).putInt(0).putInt(0);
        return b.array();
    }

    /** An RTCP sender report of {@code ssrc} (no report blocks). */
    static byte[] senderReport(long ssrc) {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt((int) ssrc);
        b.putLong(0x1122334455667788L).putInt(90_000).putInt(10).putInt(1000);
        return b.array();
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.duplicate().get(b);
        return b;
    }

    /** The RTP packet inside {@code srtp}; fails the test when it does not authenticate. */
    static byte[] unprotectRtp(SrtpReceiver receiver, byte[] srtp) {
        ByteBuffer out = ByteBuffer.allocate(srtp.length);
        int n = receiver.unprotectRtp(ByteBuffer.wrap(srtp), out);
        if (n < 0) {
            throw new AssertionError("SRTP packet refused: " + SrtpError.of(n));
        }
        return Arrays.copyOf(out.array(), n);
    }

    static byte[] unprotectRtcp(SrtpReceiver receiver, byte[] srtcp) {
        ByteBuffer out = ByteBuffer.allocate(srtcp.length);
        int n = receiver.unprotectRtcp(ByteBuffer.wrap(srtcp), out);
        if (n < 0) {
            throw new AssertionError("SRTCP packet refused: " + SrtpError.of(n));
        }
        return Arrays.copyOf(out.array(), n);
    }

    static SrtpReceiver receiver(SrtpPolicy policy, long ssrc, long roc) {
        return new SrtpReceiver(policy, ssrc, roc);
    }
}
