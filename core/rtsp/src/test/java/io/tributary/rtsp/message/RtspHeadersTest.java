package io.tributary.rtsp.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtspHeadersTest {
    private final RtspHeaders headers = RtspHeaders.of(
            "CSeq", "1", "WWW-Authenticate", "Basic realm=\"a\"", "www-authenticate", "Digest realm=\"a\"");

    @Test
    void namesMatchCaseInsensitivelyAndGetReturnsTheFirstValue() {
        assertEquals("1", headers.get("cseq"));
        assertEquals("Basic realm=\"a\"", headers.get("WWW-AUTHENTICATE"));
        assertEquals(List.of("Basic realm=\"a\"", "Digest realm=\"a\""), headers.getAll("Www-Authenticate"));
        assertNull(headers.get("Session"));
        assertEquals(List.of(), headers.getAll("Session"));
    }

    @Test
    void namesAreDistinctInOrderOfFirstAppearance() {
        assertEquals(List.of("CSeq", "WWW-Authenticate"), headers.names());
        assertEquals(3, headers.size());
    }

    @Test
    void changesReturnNewValuesAndLeaveTheOriginalAlone() {
        RtspHeaders set = headers.set("www-authenticate", "Bearer");
        assertEquals(List.of("Bearer"), set.getAll("WWW-Authenticate"));
        assertEquals(2, set.size());
        assertEquals("Session", headers.add("Session", "x").name(3));
        RtspHeaders removed = headers.remove("WWW-AUTHENTICATE");
        assertEquals(1, removed.size());
        assertFalse(removed.contains("www-authenticate"));
        assertTrue(headers.contains("www-authenticate"));
        assertSame(headers, headers.remove("Nope"));
    }

    @Test
    void toStringHidesCredentials() {
        String s = RtspHeaders.of("Authorization", "Basic dXNlcjpwYXNz", "CSeq", "2").toString();
        assertFalse(s.contains("dXNlcjpwYXNz"), s);
        assertTrue(s.contains("CSeq: 2"), s);
    }
}
