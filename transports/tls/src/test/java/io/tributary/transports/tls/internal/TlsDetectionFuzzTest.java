package io.tributary.transports.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.transport.ControlListener.Detection;
import java.nio.ByteBuffer;

/** Whatever a client sends first, detection answers by the record header alone and leaves the buffer as it was. */
class TlsDetectionFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void anyFirstBytesAreJudgedByTheRecordHeaderOnly(byte[] input) {
        ByteBuffer view = ByteBuffer.wrap(input).asReadOnlyBuffer();
        Detection detection = TlsDetection.of(view);
        Detection expected;
        if (input.length == 0 || (input[0] == 0x16 && input.length == 1)) {
            expected = Detection.NEED_MORE;
        } else if (input[0] == 0x16 && input[1] == 0x03) {
            expected = Detection.MATCH;
        } else {
            expected = Detection.NO_MATCH;
        }
        assertEquals(expected, detection);
        assertEquals(0, view.position());
        assertEquals(input.length, view.limit());
    }
}
