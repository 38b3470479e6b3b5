package io.tributary.rtsp.srtp;

import java.nio.ByteBuffer;

/**
 * The session keys of one master key for RTP or for RTCP, and the chunked loops that move packet
 * bytes through them. Buffers are read and written with absolute bulk operations, so positions
 * never move and heap and direct buffers take the same path; a region may be transformed in
 * place (same memory, same offset) since every chunk is read before it is written.
 */
final class PacketCrypto {
    private final AesCounterMode cipher;
    private final HmacSha1 mac;
    private final byte[] work;

    private PacketCrypto(MasterKey master, int encryptionLabel, int authenticationLabel, int saltLabel,
            int chunk) {
        cipher = new AesCounterMode(KeyDerivation.derive(master, encryptionLabel, SrtpProfile.KEY_LENGTH),
                KeyDerivation.derive(master, saltLabel, SrtpProfile.SALT_LENGTH), chunk);
        mac = new HmacSha1(KeyDerivation.derive(master, authenticationLabel, HmacSha1.LENGTH));
        work = new byte[chunk];
    }

    static PacketCrypto forRtp(MasterKey master) {
        // most media packets fit in one chunk
        return new PacketCrypto(master, KeyDerivation.RTP_ENCRYPTION, KeyDerivation.RTP_AUTHENTICATION,
                KeyDerivation.RTP_SALT, 1536);
    }

    static PacketCrypto forRtcp(MasterKey master) {
        return new PacketCrypto(master, KeyDerivation.RTCP_ENCRYPTION, KeyDerivation.RTCP_AUTHENTICATION,
                KeyDerivation.RTCP_SALT, 256);
    }

    void startTag() {
        mac.start();
    }

    void authenticateInt(long value) {
        mac.updateInt(value);
    }

    /** The 20-byte HMAC; callers use its first bytes. Reused by the next call. */
    byte[] finishTag() {
        return mac.finish();
    }

    /** Adds {@code in[from, from + length)} to the tag. */
    void authenticate(ByteBuffer in, int from, int length) {
        for (int done = 0; done < length; ) {
            int n = Math.min(work.length, length - done);
            in.get(from + done, work, 0, n);
            mac.update(work, 0, n);
            done += n;
        }
    }

    /** {@code out[to, to + length) = in[from, from + length)}, added to the tag when {@code authenticate}. */
    void copy(ByteBuffer in, int from, ByteBuffer out, int to, int length, boolean authenticate) {
        for (int done = 0; done < length; ) {
            int n = Math.min(work.length, length - done);
            in.get(from + done, work, 0, n);
            if (authenticate) {
                mac.update(work, 0, n);
            }
            out.put(to + done, work, 0, n);
            done += n;
        }
    }

    /**
     * {@code out[to, to + length) = in[from, from + length) ⊕ keystream(ssrc, index)}; the result
     * is added to the tag when {@code authenticateOutput} (the sender authenticates ciphertext).
     */
    void encrypt(ByteBuffer in, int from, ByteBuffer out, int to, int length, long ssrc, long index,
            boolean authenticateOutput) {
        cipher.start(ssrc, index);
        for (int done = 0; done < length; ) {
            int n = Math.min(work.length, length - done);
            byte[] keystream = cipher.keystream(done, n);
            in.get(from + done, work, 0, n);
            for (int i = 0; i < n; i++) {
                work[i] ^= keystream[i];
            }
            if (authenticateOutput) {
                mac.update(work, 0, n);
            }
            out.put(to + done, work, 0, n);
            done += n;
        }
    }
}
