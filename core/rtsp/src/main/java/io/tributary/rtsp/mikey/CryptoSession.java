package io.tributary.rtsp.mikey;

/**
 * One entry of the SRTP crypto session map of a MIKEY header (RFC 3830 §6.1.1): the stream of
 * {@code ssrc} is protected with security policy {@code policy}, and its sender is at rollover
 * counter {@code roc}.
 *
 * @param policy 8 bits, the policy number of a {@link SecurityPolicyPayload}
 * @param ssrc   32 bits unsigned
 * @param roc    32 bits unsigned
 */
public record CryptoSession(int policy, long ssrc, long roc) {
    public CryptoSession {
        if (policy < 0 || policy > 0xFF || ssrc < 0 || ssrc > 0xFFFF_FFFFL || roc < 0 || roc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("policy is 8 bits, SSRC and ROC 32 bits unsigned");
        }
    }
}
