package io.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionHeaderTest {

    @Test
    void idAndTimeoutParse() {
        assertEquals(new SessionHeader("abc123", 60), SessionHeader.parse("abc123;timeout=60"));
        assertEquals(new SessionHeader("abc123", null), SessionHeader.parse("abc123"));
        assertEquals(new SessionHeader("abc123", 30), SessionHeader.parse(" abc123 ; Timeout = 30 ; x=y"));
    }

    @Test
    void formatWritesTheTimeoutOnlyWhenSet() {
        assertEquals("abc123;timeout=60", new SessionHeader("abc123", 60).format());
        assertEquals("abc123", new SessionHeader("abc123", null).format());
    }

    @Test
    void badIdsAndTimeoutsAre400() {
        for (String bad : List.of("", ";timeout=60", "a b", "abc;timeout=x", "abc;timeout=0", "abc;timeout=99999999999")) {
            assertEquals(RtspStatus.BAD_REQUEST,
                    assertThrows(RtspException.class, () -> SessionHeader.parse(bad)).status(), bad);
        }
    }
}
