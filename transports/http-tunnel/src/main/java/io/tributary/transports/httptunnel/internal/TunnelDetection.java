package io.tributary.transports.httptunnel.internal;

import io.tributary.api.transport.ControlListener.Detection;
import java.nio.ByteBuffer;

/**
 * Recognises the two requests of a tunnel by their method and the space after it. RTSP has
 * methods that begin alike ({@code GET_PARAMETER}, {@code PLAY}, {@code PAUSE}): the first
 * byte that differs from {@code GET } and {@code POST } tells them apart, so RTSP waits at most
 * for its fourth byte.
 */
final class TunnelDetection {
    private static final byte[] GET = {'G', 'E', 'T', ' '};
    private static final byte[] POST = {'P', 'O', 'S', 'T', ' '};

    private TunnelDetection() {
    }

    /** Looks at the bytes from the buffer's position without moving it. */
    static Detection of(ByteBuffer firstBytes) {
        Detection get = against(firstBytes, GET);
        return get != Detection.NO_MATCH ? get : against(firstBytes, POST);
    }

    private static Detection against(ByteBuffer bytes, byte[] prefix) {
        int start = bytes.position();
        int compared = Math.min(bytes.remaining(), prefix.length);
        for (int i = 0; i < compared; i++) {
            if (bytes.get(start + i) != prefix[i]) {
                return Detection.NO_MATCH;
            }
        }
        return compared == prefix.length ? Detection.MATCH : Detection.NEED_MORE;
    }
}
