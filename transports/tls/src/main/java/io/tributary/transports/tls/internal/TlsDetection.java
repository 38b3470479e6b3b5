package io.tributary.transports.tls.internal;

import io.tributary.api.transport.ControlListener.Detection;
import java.nio.ByteBuffer;

/**
 * Recognises a TLS client by its first record header (RFC 8446 §5.1): content type 22
 * (handshake) and major version 3. Plain RTSP starts with a method or {@code RTSP/} (letters),
 * interleaved data with {@code $}, HTTP with a method: none starts with byte 22.
 */
final class TlsDetection {
    static final byte HANDSHAKE = 0x16;
    static final byte MAJOR_VERSION = 0x03;

    private TlsDetection() {
    }

    /** Looks at the bytes from the buffer's position without moving it. */
    static Detection of(ByteBuffer firstBytes) {
        int start = firstBytes.position();
        int available = firstBytes.remaining();
        if (available == 0) {
            return Detection.NEED_MORE;
        }
        if (firstBytes.get(start) != HANDSHAKE) {
            return Detection.NO_MATCH;
        }
        if (available == 1) {
            return Detection.NEED_MORE;
        }
        return firstBytes.get(start + 1) == MAJOR_VERSION ? Detection.MATCH : Detection.NO_MATCH;
    }
}
