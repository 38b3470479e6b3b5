package io.tributary.rtsp.srtp;

/**
 * Why a packet was not protected or unprotected. The contexts return {@link #code()} (always
 * negative) instead of a length, so a failure costs no allocation and no stack trace: untrusted
 * input failing is normal on a media port.
 */
public enum SrtpError {
    /** Shorter than a header plus the SRTP or SRTCP trailer. */
    TOO_SHORT(-1),
    /** Not version 2, or the CSRC list or header extension runs past the end. */
    MALFORMED(-2),
    /** The packet's SSRC is not the context's. */
    WRONG_SSRC(-3),
    /** The MKI is not the policy's. */
    MKI_MISMATCH(-4),
    /** The authentication tag does not match: forged, corrupted, or another key. */
    AUTH_FAILED(-5),
    /** This index was already processed, or is older than the 64-packet window. */
    REPLAYED(-6),
    /** The output buffer has less room than the result needs. */
    OUTPUT_TOO_SMALL(-7),
    /** 2^48 SRTP or 2^31 SRTCP packets: the master key must not be used any more. */
    INDEX_EXHAUSTED(-8);

    private final int code;

    SrtpError(int code) {
        this.code = code;
    }

    /** The negative value the contexts return. */
    public int code() {
        return code;
    }

    /** The error with this code, or null when {@code code} is a length (zero or positive) or unknown. */
    public static SrtpError of(int code) {
        for (SrtpError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}
