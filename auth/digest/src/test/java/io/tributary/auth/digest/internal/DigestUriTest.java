package io.tributary.auth.digest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An answer's uri must name the requested resource, in either of the forms clients use. */
class DigestUriTest {
    private static final String REQUEST = "rtsp://127.0.0.1:8554/live/cam";

    @Test
    void sameUriMatches() {
        assertTrue(DigestUri.matches(REQUEST, REQUEST));
        assertTrue(DigestUri.matches("*", "*"));
    }

    @Test
    void pathMatchesTheAbsoluteRequestAndTheOtherWayRound() {
        assertTrue(DigestUri.matches("/live/cam", REQUEST));
        assertTrue(DigestUri.matches(REQUEST, "/live/cam"));
        assertTrue(DigestUri.matches("/", "rtsp://127.0.0.1:8554"));
        assertTrue(DigestUri.matches("/live/cam?x=1", REQUEST + "?x=1"));
    }

    @Test
    void trailingSlashIsIgnored() {
        assertTrue(DigestUri.matches(REQUEST + "/", REQUEST));
        assertTrue(DigestUri.matches("/live/cam/", REQUEST));
        assertTrue(DigestUri.matches("/live/cam", REQUEST + "/"));
    }

    @Test
    void anotherPathOrHostDoesNotMatch() {
        assertFalse(DigestUri.matches("/live/other", REQUEST));
        assertFalse(DigestUri.matches("rtsp://127.0.0.1:8554/live/other", REQUEST));
        assertFalse(DigestUri.matches("rtsp://example.org:8554/live/cam", REQUEST));
        assertFalse(DigestUri.matches("/live", REQUEST));
        assertFalse(DigestUri.matches("/live/cam/trackID=1", REQUEST));
        assertFalse(DigestUri.matches("live/cam", REQUEST));
        assertFalse(DigestUri.matches("", REQUEST));
    }
}
