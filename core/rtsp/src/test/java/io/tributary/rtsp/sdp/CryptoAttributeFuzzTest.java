package io.tributary.rtsp.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.rtsp.message.RtspException;
import java.nio.charset.StandardCharsets;

/** The parser throws nothing but 400; what it reads formats back to the same attribute. */
class CryptoAttributeFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void cryptoAttribute(byte[] input) {
        CryptoAttribute attribute;
        try {
            attribute = CryptoAttribute.parse(new String(input, StandardCharsets.UTF_8));
        } catch (RtspException expected) {
            assertEquals(400, expected.status().code());
            return;
        }
        String formatted = attribute.format();
        assertEquals(attribute, CryptoAttribute.parse(formatted), formatted);
        if (attribute.profile() != null) {
            assertNotNull(attribute.policy());
        }
    }
}
