package io.tributary.rtsp.srtp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/** RTP and RTCP packets for the SRTP tests, and the protect/unprotect calls on byte arrays. */
public final class Packets {
    private Packets() {
    }

    /** An RTP packet: V=2, PT 96, {@code seq}, {@code ssrc}, then {@code payloadLength} pseudo-random bytes. */
    public static byte[] rtp(long ssrc, int seq, int payloadLength) {
        ByteBuffer b = ByteBuffer.allocate(12 + payloadLength);
        b.put((byte) 0x80).put((byte) 96).putShort((short) seq).putInt(seq * 3000).putInt((int) ssrc);
        byte[] payload = new byte[payloadLength];
        new Random(seq).nextBytes(payload);
        return b.put(payload).array();
    }

    /** An RTP packet with two CSRCs, a header extension of one word and padding. */
    public static byte[] rtpWithCsrcExtensionPadding(long ssrc, int seq) {
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + 8 + 20 + 4);
        b.put((byte) 0xB2).put((byte) 0xE0).putShort((short) seq).putInt(90000).putInt((int) ssrc);
        b.putInt(0x11111111).putInt(0x22222222);
        b.putShort((short) 0xBEDE).putShort((short) 1).putInt(0x10AA0000);
        for (int i = 0; i < 20; i++) {
            b.put((byte) i);
        }
        return b.put(new byte[] {0, 0, 0, 4}).array();
    }

    /** An RTCP sender report of {@code ssrc} followed by an SDES CNAME chunk. */
    public static byte[] rtcp(long ssrc, int n) {
        ByteBuffer b = ByteBuffer.allocate(28 + 20);
        b.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt((int) ssrc)
                .putLong(0xE700_0000_0000_0000L + n).putInt(n * 3000).putInt(n).putInt(n * 1000);
        b.put((byte) 0x81).put((byte) 202).putShort((short) 4).putInt((int) ssrc)
                .put((byte) 1).put((byte) 6).put("abcdef".getBytes()).put(new byte[4]);
        return b.array();
    }

    /** Protects {@code packet}; the SRTP bytes, or fails with the error. */
    public static byte[] protectRtp(SrtpSender sender, byte[] packet) {
        ByteBuffer out = ByteBuffer.allocate(packet.length + 200);
        int n = sender.protectRtp(ByteBuffer.wrap(packet), out);
        if (n < 0) {
            throw new AssertionError("protect failed: " + SrtpError.of(n));
        }
        return Arrays.copyOf(out.array(), n);
    }

    public static byte[] protectRtcp(SrtpSender sender, byte[] packet) {
        ByteBuffer out = ByteBuffer.allocate(packet.length + 200);
        int n = sender.protectRtcp(ByteBuffer.wrap(packet), out);
        if (n < 0) {
            throw new AssertionError("protect failed: " + SrtpError.of(n));
        }
        return Arrays.copyOf(out.array(), n);
    }

    /** The plain packet, or the error when it is rejected. */
    public static Object unprotectRtp(SrtpReceiver receiver, byte[] packet) {
        ByteBuffer out = ByteBuffer.allocate(packet.length);
        int n = receiver.unprotectRtp(ByteBuffer.wrap(packet), out);
        return n < 0 ? SrtpError.of(n) : Arrays.copyOf(out.array(), n);
    }

    public static Object unprotectRtcp(SrtpReceiver receiver, byte[] packet) {
        ByteBuffer out = ByteBuffer.allocate(packet.length);
        int n = receiver.unprotectRtcp(ByteBuffer.wrap(packet), out);
        return n < 0 ? SrtpError.of(n) : Arrays.copyOf(out.array(), n);
    }
}
