package io.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.rtsp.message.RtspException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Parsers throw nothing but RtspException, and what they parse formats back to the same value. */
class HeaderFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void transportHeader(byte[] input) {
        List<TransportSpec> specs;
        try {
            specs = TransportHeader.parse(new String(input, StandardCharsets.UTF_8));
        } catch (RtspException expected) {
            return;
        }
        String formatted = TransportHeader.format(specs);
        assertEquals(specs, TransportHeader.parse(formatted), formatted);
    }

    @FuzzTest(maxDuration = "1m")
    void rangeHeader(byte[] input) {
        PlayRange range;
        try {
            range = RangeHeader.parse(new String(input, StandardCharsets.UTF_8));
        } catch (RtspException expected) {
            return;
        }
        String formatted = RangeHeader.format(range);
        assertEquals(formatted, RangeHeader.format(RangeHeader.parse(formatted)));
    }
}
