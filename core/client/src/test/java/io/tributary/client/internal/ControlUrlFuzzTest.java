package io.tributary.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.client.Track;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.sdp.SdpMedia;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * URL handling on server-controlled text (Content-Base, a=control, RTP-Info) and on
 * user-given URLs: nothing throws but RtspUrl.parse's IllegalArgumentException, and the
 * resolution rules hold. Input: {@code base \n control \n rtp-info}.
 */
class ControlUrlFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void resolution(byte[] input) {
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 3);
        String base = parts[0];
        String control = parts.length > 1 ? parts[1] : null;
        String rtpInfo = parts.length > 2 ? parts[2] : null;

        String resolved = ControlUrls.resolve(base, control);
        String trimmed = control == null ? "" : control.trim();
        if (ControlUrls.isAbsolute(trimmed)) {
            assertEquals(trimmed, resolved);
        } else if (trimmed.isEmpty() || trimmed.equals("*")) {
            assertEquals(base, resolved);
        } else if (ControlUrls.isAbsolute(base)) {
            assertTrue(resolved.startsWith(ControlUrls.origin(base)), resolved);
            assertTrue(resolved.endsWith(trimmed), "the control survives intact: " + resolved);
        }

        String b = ControlUrls.base(RtspHeaders.of(RtspHeaders.CONTENT_BASE, control == null ? "" : control), base);
        if (ControlUrls.isAbsolute(b)) {
            assertFalse(ControlUrls.origin(b).contains("@"), "no user info in a base URL: " + b);
        }

        List<Track> tracks = List.of(
                new Track(0, SdpMedia.of("video", "RTP/AVP", List.of("96"), List.of()), resolved),
                new Track(1, SdpMedia.of("audio", "RTP/AVP", List.of("0"), List.of()), base));
        RtpInfoMatcher.match(rtpInfo, base, tracks);

        try {
            RtspUrl url = RtspUrl.parse(base);
            assertTrue(url.port() >= 1 && url.port() <= 65535);
            assertFalse(url.host().isEmpty());
            assertEquals(url.requestUrl(), RtspUrl.parse(url.requestUrl()).requestUrl(), "parsing is stable");
        } catch (IllegalArgumentException expected) {
            // not a usable rtsp:// URL
        }
        RtspUrl.redact(base);
    }
}
