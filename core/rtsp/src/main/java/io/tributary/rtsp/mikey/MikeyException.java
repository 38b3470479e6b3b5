package io.tributary.rtsp.mikey;

/**
 * A MIKEY message that cannot be read, or asks for what Tributary cannot do (an encrypted
 * KEMAC, another cipher). The message says which field; it never contains key material. RTSP
 * answers it with 463 Key Management Failure (RFC 4567 §3.2). No stack trace: bad input from the
 * network is normal.
 */
public final class MikeyException extends RuntimeException {
    public MikeyException(String message) {
        super(message, null, false, false);
    }
}
