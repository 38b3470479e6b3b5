package io.tributary.rtsp.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as SRTP defines it (RFC 3711 §4.1.1): the keystream of a packet is
 * AES(k, IV + i) for block i, with IV = (salt · 2^16) ⊕ (SSRC · 2^64) ⊕ (index · 2^16).
 *
 * <p>Why ECB over counter blocks and not the JDK's {@code AES/CTR}: a CTR cipher can only jump to
 * a packet's IV through {@code Cipher.init}, which allocates ({@code IvParameterSpec}, key and IV
 * copies: 112 bytes a packet measured on JDK 25). Encrypting our own counter blocks with one ECB
 * cipher made once allocates nothing; it is slower than the CTR intrinsic, but HMAC-SHA1 and not
 * AES bounds the packet rate anyway.
 */
final class AesCounterMode {
    private final Cipher aes;
    private final byte[] salt;
    private final byte[] iv = new byte[16];
    private final byte[] counters;
    private final byte[] keystream;

    /**
     * @param chunk bytes of keystream made per AES call, a multiple of 16: the most
     *              {@link #keystream} returns at once
     */
    AesCounterMode(byte[] key, byte[] salt, int chunk) {
        if (salt.length != 14 || chunk % 16 != 0) {
            throw new IllegalArgumentException("14-byte salt and whole blocks expected");
        }
        this.salt = salt.clone();
        this.counters = new byte[chunk];
        this.keystream = new byte[chunk];
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /** Starts the keystream of the packet {@code index} of {@code ssrc}. */
    void start(long ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        iv[8] ^= (byte) (index >>> 40);
        iv[9] ^= (byte) (index >>> 32);
        iv[10] ^= (byte) (index >>> 24);
        iv[11] ^= (byte) (index >>> 16);
        iv[12] ^= (byte) (index >>> 8);
        iv[13] ^= (byte) index;
    }

    /**
     * The keystream bytes {@code [offset, offset + length)} of the started packet, at the start of
     * the returned array (which is reused by the next call). {@code offset} is a multiple of 16,
     * {@code length} at most the chunk size. The counter is 16 bits wide: a packet has at most
     * 2^16 blocks (RFC 3711 §4.1.1).
     */
    byte[] keystream(int offset, int length) {
        int blocks = (length + 15) >>> 4;
        int counter = offset >>> 4;
        for (int b = 0, at = 0; b < blocks; b++, at += 16) {
            System.arraycopy(iv, 0, counters, at, 14);
            int c = counter + b;
            counters[at + 14] = (byte) (c >>> 8);
            counters[at + 15] = (byte) c;
        }
        try {
            aes.update(counters, 0, blocks << 4, keystream, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keystream buffer fits every chunk", e);
        }
        return keystream;
    }
}
