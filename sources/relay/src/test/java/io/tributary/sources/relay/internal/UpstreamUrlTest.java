package io.tributary.sources.relay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rtsp://cam/stream                          | rtsp://cam/stream                 | false",
        "rtsp://admin:pw@cam:8554/stream?ch=1       | rtsp://cam:8554/stream?ch=1       | true",
        "rtsp://admin:p@ss:w@rd@10.0.0.5/s          | rtsp://10.0.0.5/s                 | true",
        "rtsp://user@[::1]:554/a@b                  | rtsp://[::1]:554/a@b              | true",
        "rtsp://admin:pw@cam                        | rtsp://cam                        | true",
        "rtsp://admin:pw@cam?x=a@b                  | rtsp://cam?x=a@b                  | true"})
    void theUserInfoEndsAtTheLastAtSignBeforeThePath(String url, String redacted, boolean userInfo) {
        UpstreamUrl parsed = UpstreamUrl.parse(url);
        assertEquals(url, parsed.url());
        assertEquals(redacted, parsed.redacted());
        assertEquals(redacted, parsed.toString());
        assertEquals(userInfo, parsed.hasUserInfo());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rtsp://admin:secret@/stream",
        "rtsp://admin:secret@:554/stream",
        "rtsp://admin:secret@cam /stream",
        "rtsp://admin:secret@cam:70000/stream",
        "rtsp://admin:secret@cam:80a/stream",
        "rtsp://admin:secret@[::1/stream",
        "http://admin:secret@cam/stream"})
    void unusableUrlsAreRefusedWithoutShowingTheSecret(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpstreamUrl.parse(url));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"rtsp://cam/x, true", "RTSP://cam/x, true", "publisher, false", "rtspx://cam, false"})
    void rtspSourcesAreRecognised(String source, boolean rtsp) {
        assertEquals(rtsp, UpstreamUrl.isRtsp(source));
        assertTrue(!rtsp || UpstreamUrl.parse(source).redacted().startsWith("rtsp://"));
    }
}
