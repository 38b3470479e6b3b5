package io.tributary.engine.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import org.junit.jupiter.api.Test;

class RequestUrlTest {
    @Test
    void aggregateUrlHasPathAndTrailingSlashBase() {
        RequestUrl url = RequestUrl.parse("rtsp://127.0.0.1:8554/vod/clip.mp4");
        assertEquals("/vod/clip.mp4", url.path());
        assertNull(url.track());
        assertEquals("rtsp://127.0.0.1:8554/vod/clip.mp4/", url.aggregate());
    }

    @Test
    void anIpv6LiteralAndThePortTheClientUsedStayInTheBase() {
        RequestUrl url = RequestUrl.parse("rtsp://[::1]:554/live/cam");
        assertEquals("/live/cam", url.path());
        assertEquals("rtsp://[::1]:554/live/cam/", url.aggregate());
        RequestUrl track = RequestUrl.parse("rtsp://[fe80::1%25eth0]:8554/live/cam/trackID=1");
        assertEquals("/live/cam", track.path());
        assertEquals(1, track.track());
        assertEquals("rtsp://[fe80::1%25eth0]:8554/live/cam/", track.aggregate());
        assertEquals("rtsp://[::1]/demo/", RequestUrl.parse("rtsp://[::1]/demo").aggregate(), "no port: none added");
    }

    @Test
    void trackControlAfterPathIsRecognised() {
        RequestUrl url = RequestUrl.parse("rtsp://h:8554/demo/trackID=1");
        assertEquals("/demo", url.path());
        assertEquals(1, url.track());
        assertEquals("rtsp://h:8554/demo/", url.aggregate());
    }

    @Test
    void ffmpegFormPutsTheTrackAfterTheQuery() {
        RequestUrl url = RequestUrl.parse("rtsp://h/live/cam?user=a&x=1/trackID=0");
        assertEquals("/live/cam", url.path());
        assertEquals(0, url.track());
        assertEquals("rtsp://h/live/cam?user=a&x=1/", url.aggregate());
    }

    @Test
    void gstreamerFormPutsTheTrackBeforeTheQuery() {
        RequestUrl url = RequestUrl.parse("rtsp://h/live/cam/trackID=2?user=a");
        assertEquals("/live/cam", url.path());
        assertEquals(2, url.track());
    }

    @Test
    void trailingSlashOfContentBaseIsTheSamePath() {
        assertEquals("/demo", RequestUrl.parse("rtsp://h/demo/").path());
        assertEquals("/", RequestUrl.parse("rtsp://h:8554").path());
        assertEquals("/", RequestUrl.parse("rtsp://h:8554/").path());
    }

    @Test
    void relativePathsAndStarAreAccepted() {
        assertEquals("/demo", RequestUrl.parse("/demo/trackID=0").path());
        assertEquals("*", RequestUrl.parse("*").path());
    }

    @Test
    void percentEncodingIsDecodedButPlusIsKept() {
        assertEquals("/vod/my clip+1.mp4", RequestUrl.parse("rtsp://h/vod/my%20clip+1.mp4").path());
    }

    @Test
    void badUrlsAreBadRequests() {
        assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspException.class, () -> RequestUrl.parse("http://h/x")).status());
        assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspException.class, () -> RequestUrl.parse("demo")).status());
        assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspException.class, () -> RequestUrl.parse("/a%zz")).status());
        assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspException.class, () -> RequestUrl.parse("/a%00b")).status());
    }
}
