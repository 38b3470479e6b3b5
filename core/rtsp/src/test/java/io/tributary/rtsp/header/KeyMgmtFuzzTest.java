package io.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.rtsp.message.RtspException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The parser throws nothing but 400; what it reads formats back to the same specs, on one line. */
class KeyMgmtFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void keyMgmt(byte[] input) {
        List<KeyMgmt> specs;
        try {
            specs = KeyMgmt.parseAll(new String(input, StandardCharsets.UTF_8));
        } catch (RtspException expected) {
            assertEquals(400, expected.status().code());
            return;
        }
        String formatted = KeyMgmt.formatAll(specs);
        assertFalse(formatted.indexOf('\r') >= 0 || formatted.indexOf('\n') >= 0, formatted);
        assertEquals(specs, KeyMgmt.parseAll(formatted), formatted);
    }
}
