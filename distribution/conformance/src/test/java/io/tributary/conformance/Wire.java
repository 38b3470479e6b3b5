package io.tributary.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tributary.itest.ExternalTool;
import io.tributary.itest.RawRtsp;
import io.tributary.itest.TributaryFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the conformance tests share on top of {@link RawRtsp}: the video SETUP, session ids,
 * RTCP packet types, the test media, and the check that the server still serves others.
 */
final class Wire {
    /** The remuxed demo: 10 s of H.264 (trackID=0) and AAC (trackID=1), recorded at this instant. */
    static final String CLIP = "/vod/clip.mp4";
    static final String CLIP_CREATED = "2026-11-24T10:15:00Z";
    static final String TCP_VIDEO = "Transport: RTP/AVP/TCP;unicast;interleaved=0-1";
    static final String TCP_AUDIO = "Transport: RTP/AVP/TCP;unicast;interleaved=2-3";

    private Wire() {
    }

    /** Makes {@link #CLIP} in the instance's media folder from its demo file (a remux: no encoding). */
    static void addClip(TributaryFixture tributary) throws Exception {
        ExternalTool.require("ffmpeg");
        Path demo = tributary.home().resolve("demo/demo.mp4");
        ExternalTool.Result made = ExternalTool.run(Duration.ofSeconds(60), "ffmpeg", "-v", "error", "-i",
                demo.toString(), "-c", "copy", "-map", "0", "-metadata", "creation_time=" + CLIP_CREATED,
                tributary.home().resolve("media/clip.mp4").toString());
        assertEquals(0, made.exitCode(), made.stderr());
    }

    static String url(TributaryFixture tributary, String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    /** SETUP of {@link #CLIP}'s video, interleaved over the connection; the session id. */
    static String setupVideo(TributaryFixture tributary, RawRtsp rtsp, int cseq) throws IOException {
        return session(rtsp.request("SETUP", url(tributary, CLIP + "/trackID=0"), cseq, TCP_VIDEO));
    }

    /** The id of a response's Session header (without its timeout). */
    static String session(RawRtsp.Response response) {
        assertEquals(200, response.status(), response.statusLine() + " " + response.body());
        String value = response.header("Session");
        assertNotNull(value, "no Session header in " + response.headers());
        return value.split(";")[0].trim();
    }

    /** The RTCP packet types (200 SR, 201 RR, 203 BYE…) of a compound packet, in order. */
    static java.util.List<Integer> rtcpTypes(byte[] compound) {
        java.util.List<Integer> types = new java.util.ArrayList<>();
        int offset = 0;
        while (offset + 4 <= compound.length) {
            types.add(compound[offset + 1] & 0xff);
            offset += 4 * ((((compound[offset + 2] & 0xff) << 8) | (compound[offset + 3] & 0xff)) + 1);
        }
        return types;
    }

    /** A new client is answered at once: whatever the test did, the server keeps serving others. */
    static void servesOthers(TributaryFixture tributary) throws IOException {
        try (RawRtsp other = new RawRtsp("127.0.0.9", tributary.rtspPort(), 0)) {
            RawRtsp.Response r = other.request("OPTIONS", "*", 1);
            assertEquals(200, r.status(), "another client's OPTIONS");
        }
    }
}
