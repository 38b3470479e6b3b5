package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped permissions (etc/io.tributary.auth.cfg): anyone may read, and anonymous
 * clients may publish only from this host, so that the quick start works and nothing from
 * the network can take a path over. "The network" is a namespace the test makes.
 */
class AuthDefaultsTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static final String SDP = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=x\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\n"
            + "a=rtpmap:96 H264/90000\r\na=control:streamid=0\r\n";

    @Test
    void anonymousClientsReadAnythingAndPublishFromThisHost() throws Exception {
        assertEquals(java.util.List.of("h264", "aac"),
                FfmpegReader.streams("rtsp://127.0.0.1:" + tributary.rtspPort() + "/demo", "codec_name"));
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            String url = "rtsp://127.0.0.1:" + tributary.rtspPort() + "/live/local";
            rtsp.send("ANNOUNCE " + url + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: application/sdp\r\n"
                    + "Content-Length: " + SDP.length() + "\r\n\r\n" + SDP);
            RawRtsp.Response announce = rtsp.read();
            assertEquals(200, announce.status(), announce.body());
        }
    }

    @Test
    void anonymousPublishingFromAnotherHostIsRefusedButReadingIsNot() throws Exception {
        ExternalTool.require("ffmpeg");
        try (NetworkNamespace otherHost = NetworkNamespace.create()) {
            String base = "rtsp://" + otherHost.serverAddress() + ":" + tributary.rtspPort();
            ExternalTool.Result read = otherHost.run(Duration.ofSeconds(30), "ffprobe", "-v", "error",
                    "-rtsp_transport", "tcp", "-show_entries", "stream=codec_name", "-of", "csv=p=0", base + "/demo");
            assertEquals(0, read.exitCode(), read.stderr());
            assertTrue(read.stdout().contains("h264"), read.stdout());

            ExternalTool.Result publish = otherHost.run(Duration.ofSeconds(30), "ffmpeg", "-nostdin", "-v", "error",
                    "-re", "-i", tributary.home().resolve("demo/demo.mp4").toString(), "-t", "2", "-c", "copy",
                    "-f", "rtsp", "-rtsp_transport", "tcp", base + "/live/intruder");
            assertNotEquals(0, publish.exitCode(), "ffmpeg published from " + otherHost.clientAddress());
            assertTrue(publish.stderr().contains("401"), publish.stderr());
        }
    }
}
