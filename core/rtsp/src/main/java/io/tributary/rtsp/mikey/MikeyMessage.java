package io.tributary.rtsp.mikey;

import java.util.List;
import java.util.Objects;

/**
 * A MIKEY message (RFC 3830 §6.1): the common header with its SRTP crypto session map, then the
 * payloads in order. Version is always 1; the CS ID map type always SRTP.
 *
 * @param type          the data type
 * @param verify        the V flag: a verification message is requested
 * @param prf           the PRF function, 7 bits ({@code 0}: MIKEY-1)
 * @param csbId         the crypto session bundle id, 32 bits unsigned
 * @param cryptoSessions at most 255
 */
public record MikeyMessage(Type type, boolean verify, int prf, long csbId, List<CryptoSession> cryptoSessions,
        List<MikeyPayload> payloads) {

    /** The data types of RFC 3830 §6.1, in wire order. */
    public enum Type { PSK_INIT, PSK_VERIFY, PK_INIT, PK_VERIFY, DH_INIT, DH_RESP, ERROR }

    public MikeyMessage {
        Objects.requireNonNull(type, "type");
        cryptoSessions = List.copyOf(cryptoSessions);
        payloads = List.copyOf(payloads);
        if (prf < 0 || prf > 0x7F || csbId < 0 || csbId > 0xFFFF_FFFFL || cryptoSessions.size() > 0xFF) {
            throw new IllegalArgumentException("PRF is 7 bits, CSB id 32 bits, at most 255 crypto sessions");
        }
    }

    /** The first payload of {@code kind}, or null. */
    public <T extends MikeyPayload> T payload(Class<T> kind) {
        for (MikeyPayload p : payloads) {
            if (kind.isInstance(p)) {
                return kind.cast(p);
            }
        }
        return null;
    }
}
