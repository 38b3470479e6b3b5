package io.tributary.rtsp.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * How the packets of one crypto session are protected: suite, master key, SRTCP tag length and
 * the master key identifier (MKI) carried in every packet, if any.
 *
 * @param srtcpTagLength bytes of the SRTCP tag. Peers disagree for the 32-bit suite: FFmpeg's SDES
 *                       and GStreamer's MIKEY use 4 bytes for SRTCP as for SRTP; libsrtp's
 *                       guidance (and DTLS-SRTP, RFC 5764 §4.1.2) is 10 bytes for SRTCP
 * @param mki            the MKI every packet carries between payload and tag (RFC 3711 §3.1);
 *                       empty for none. It is not authenticated (the RFC does not cover it)
 */
public record SrtpPolicy(SrtpProfile profile, MasterKey masterKey, int srtcpTagLength, byte[] mki) {
    /** The longest MKI SDES can express (RFC 4568 §9.1: mki-length 1–128). */
    public static final int MAX_MKI_LENGTH = 128;

    public SrtpPolicy {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(mki, "mki");
        if (srtcpTagLength < 4 || srtcpTagLength > 20) {
            throw new IllegalArgumentException("an HMAC-SHA1 tag has 4 to 20 bytes, not " + srtcpTagLength);
        }
        if (mki.length > MAX_MKI_LENGTH) {
            throw new IllegalArgumentException("MKI longer than 128 bytes");
        }
        mki = mki.clone();
    }

    /**
     * No MKI, and the SRTCP tag as long as the SRTP tag: what FFmpeg, GStreamer's MIKEY and the
     * 80-bit suite everywhere do. A libsrtp peer on the 32-bit suite needs
     * {@link #withSrtcpTagLength withSrtcpTagLength(10)}.
     */
    public static SrtpPolicy of(SrtpProfile profile, MasterKey masterKey) {
        return new SrtpPolicy(profile, masterKey, profile.rtpTagLength(), new byte[0]);
    }

    public SrtpPolicy withMki(byte[] newMki) {
        return new SrtpPolicy(profile, masterKey, srtcpTagLength, newMki);
    }

    public SrtpPolicy withSrtcpTagLength(int length) {
        return new SrtpPolicy(profile, masterKey, length, mki);
    }

    @Override
    public byte[] mki() {
        return mki.clone();
    }

    /** Bytes a protected RTP packet has more than the plain one: MKI and tag. */
    public int rtpOverhead() {
        return mki.length + profile.rtpTagLength();
    }

    /** Bytes a protected RTCP packet has more than the plain one: E flag and index, MKI and tag. */
    public int rtcpOverhead() {
        return 4 + mki.length + srtcpTagLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpPolicy other && profile == other.profile && masterKey.equals(other.masterKey)
                && srtcpTagLength == other.srtcpTagLength && Arrays.equals(mki, other.mki);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, masterKey, srtcpTagLength, Arrays.hashCode(mki));
    }

    @Override
    public String toString() {
        return "SrtpPolicy[" + profile + ", srtcpTagLength=" + srtcpTagLength + ", mki=" + mki.length + " bytes]";
    }
}
