package io.tributary.rtsp.srtp;

/**
 * Session keys from a master key (RFC 3711 §4.3) with key derivation rate 0, the only rate SDES
 * and MIKEY peers use in practice: r = 0, so x = label ⊕ master salt at byte 7, and the AES-CM
 * PRF (§4.3.3) is the counter-mode keystream for IV x · 2^16.
 */
final class KeyDerivation {
    static final int RTP_ENCRYPTION = 0x00;
    static final int RTP_AUTHENTICATION = 0x01;
    static final int RTP_SALT = 0x02;
    static final int RTCP_ENCRYPTION = 0x03;
    static final int RTCP_AUTHENTICATION = 0x04;
    static final int RTCP_SALT = 0x05;

    private KeyDerivation() {
    }

    /** {@code length} bytes of session key material for {@code label}. */
    static byte[] derive(MasterKey master, int label, int length) {
        byte[] x = master.salt();
        // key_id = label || r (48 bits) aligned to the right of the 112-bit salt; r = 0
        x[7] ^= (byte) label;
        int chunk = (length + 15) & ~15;
        AesCounterMode prf = new AesCounterMode(master.key(), x, chunk);
        prf.start(0, 0);
        byte[] out = new byte[length];
        System.arraycopy(prf.keystream(0, length), 0, out, 0, length);
        return out;
    }
}
