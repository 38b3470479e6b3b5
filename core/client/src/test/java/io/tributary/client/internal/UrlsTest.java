package io.tributary.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.client.Credentials;
import io.tributary.client.Track;
import io.tributary.rtsp.header.RtpInfo;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.sdp.SdpMedia;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** URL parsing, base and control resolution, RTP-Info matching. */
class UrlsTest {

    @Test
    void userInfoWithUnescapedSpecialCharacters() {
        RtspUrl u = RtspUrl.parse("rtsp://admin:p@ss:word@192.168.1.10:8554/Streaming/Channels/101?x=1");
        assertEquals(new Credentials("admin", "p@ss:word"), u.credentials());
        assertEquals("192.168.1.10", u.host());
        assertEquals(8554, u.port());
        assertEquals("rtsp://192.168.1.10:8554/Streaming/Channels/101?x=1", u.requestUrl());
        assertEquals(new Credentials("a b", "x/y"), RtspUrl.parse("rtsp://a%20b:x%2Fy@cam/s").credentials());
        assertEquals(554, RtspUrl.parse("RTSP://cam").port());
        assertEquals("::1", RtspUrl.parse("rtsp://[::1]:10554/x").host());
        assertNull(RtspUrl.parse("rtsp://cam/path@x").credentials(), "an @ in the path is not user info");
        assertThrows(IllegalArgumentException.class, () -> RtspUrl.parse("http://cam/x"));
        assertThrows(IllegalArgumentException.class, () -> RtspUrl.parse("rtsp://cam:99999/x"));
        assertFalse(RtspUrl.redact("rtsp://u:secret@cam/x").contains("secret"));
        assertFalse(RtspUrl.redact("rtsps://u:secret@cam/x").contains("secret"));
    }

    @Test
    void baseUrlPrecedence() {
        String req = "rtsp://cam/s";
        assertEquals("rtsp://cam/base/", ControlUrls.base(RtspHeaders.of("Content-Base", "rtsp://cam/base/",
                "Content-Location", "rtsp://cam/loc"), req));
        assertEquals("rtsp://cam/loc", ControlUrls.base(RtspHeaders.of("Content-Location", "rtsp://cam/loc"), req));
        assertEquals(req, ControlUrls.base(RtspHeaders.empty(), req));
        assertEquals("rtsp://cam/s/sub/", ControlUrls.base(RtspHeaders.of("Content-Base", "sub/"), req), "relative");
        assertEquals("rtsp://cam/b/", ControlUrls.base(RtspHeaders.of("Content-Base", "rtsp://u:p@cam/b/"), req),
                "no credentials echoed into URLs");
    }

    @Test
    void controlResolution() {
        assertEquals("rtsp://cam/s/trackID=1", ControlUrls.resolve("rtsp://cam/s", "trackID=1"));
        assertEquals("rtsp://cam/s/trackID=1", ControlUrls.resolve("rtsp://cam/s/", "trackID=1"));
        assertEquals("rtsp://cam/s?x=1/trackID=1", ControlUrls.resolve("rtsp://cam/s?x=1", "trackID=1"));
        assertEquals("rtsp://cam/s/", ControlUrls.resolve("rtsp://cam/s/", "*"));
        assertEquals("rtsp://cam/s", ControlUrls.resolve("rtsp://cam/s", null));
        assertEquals("rtsp://other/t?a=b", ControlUrls.resolve("rtsp://cam/s", "rtsp://other/t?a=b"));
        assertEquals("RTSP://other/t", ControlUrls.resolve("rtsp://cam/s", "RTSP://other/t"));
        assertEquals("rtsp://cam:554/abs/track", ControlUrls.resolve("rtsp://cam:554/s/x?q", "/abs/track"));
        assertEquals("rtsp://cam/s/track:1", ControlUrls.resolve("rtsp://cam/s", "track:1"), "a colon is no scheme");
    }

    @Test
    void rtpInfoMatching() {
        SdpMedia video = SdpMedia.of("video", "RTP/AVP", List.of("96"), List.of());
        SdpMedia audio = SdpMedia.of("audio", "RTP/AVP", List.of("0"), List.of());
        List<Track> tracks = List.of(new Track(0, video, "rtsp://cam:554/s/trackID=1"),
                new Track(1, audio, "rtsp://cam/s/trackID=2"));
        String base = "rtsp://cam/s/";

        Map<Integer, RtpInfo> m = RtpInfoMatcher.match(
                "url=rtsp://CAM/s/trackID=2;seq=5;rtptime=6, url=trackID=1 ; seq = 7", base, tracks);
        assertEquals(5, m.get(1).seq());
        assertEquals(6L, m.get(1).rtptime());
        assertEquals(7, m.get(0).seq());
        assertNull(m.get(0).rtptime());

        // a server that names its tracks after another base (a proxy, say)
        m = RtpInfoMatcher.match("url=rtsp://10.0.0.1/x/trackID=1;seq=1,url=rtsp://10.0.0.1/x/trackID=2;seq=2",
                base, tracks);
        assertEquals(1, m.get(0).seq());
        assertEquals(2, m.get(1).seq());

        // unmatched URLs, same count: SDP order
        m = RtpInfoMatcher.match("url=a;seq=1,url=b;seq=2", base, tracks);
        assertEquals(1, m.get(0).seq());
        assertEquals(Map.of(), RtpInfoMatcher.match("garbage", base, tracks));
        assertEquals(Map.of(), RtpInfoMatcher.match("url=x;seq=99999999", base, tracks));
        assertEquals(Map.of(), RtpInfoMatcher.match(null, base, tracks));
    }
}
