package io.tributary.transports.httptunnel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.transport.ControlListener.Detection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Whatever a client sends first, detection answers by the method prefix alone and leaves the buffer as it was. */
class TunnelDetectionFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void anyFirstBytesAreJudgedByTheMethodPrefixOnly(byte[] input) {
        ByteBuffer view = ByteBuffer.wrap(input).asReadOnlyBuffer();
        String text = new String(input, StandardCharsets.ISO_8859_1);
        Detection expected;
        if (text.startsWith("GET ") || text.startsWith("POST ")) {
            expected = Detection.MATCH;
        } else if ("GET ".startsWith(text) || "POST ".startsWith(text)) {
            expected = Detection.NEED_MORE;
        } else {
            expected = Detection.NO_MATCH;
        }
        assertEquals(expected, TunnelDetection.of(view));
        assertEquals(0, view.position());
        assertEquals(input.length, view.limit());
    }
}
