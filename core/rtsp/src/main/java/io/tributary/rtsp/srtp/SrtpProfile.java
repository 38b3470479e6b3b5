package io.tributary.rtsp.srtp;

/**
 * The crypto suites Tributary speaks, named as SDES names them (RFC 4568 §6.2): AES-128 in
 * counter mode with HMAC-SHA1 tags of 80 or 32 bits. Both use a 16-byte master key, a 14-byte
 * master salt and a 160-bit session authentication key.
 */
public enum SrtpProfile {
    AES_CM_128_HMAC_SHA1_80(10),
    AES_CM_128_HMAC_SHA1_32(4);

    /** Bytes of the master key. */
    public static final int KEY_LENGTH = 16;
    /** Bytes of the master salt. */
    public static final int SALT_LENGTH = 14;

    private final int rtpTagLength;

    SrtpProfile(int rtpTagLength) {
        this.rtpTagLength = rtpTagLength;
    }

    /** Bytes of the authentication tag of an SRTP packet. */
    public int rtpTagLength() {
        return rtpTagLength;
    }

    /** The profile called {@code name} in SDES ({@code AES_CM_128_HMAC_SHA1_80}), or null. */
    public static SrtpProfile bySdesName(String name) {
        for (SrtpProfile p : values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
