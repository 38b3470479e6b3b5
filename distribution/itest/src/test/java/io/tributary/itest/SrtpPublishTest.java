package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Publishers may send SRTP: GStreamer's rtspclientsink with {@code profiles=savp} publishes
 * over RTSPS as RTP/SAVP (UDP or inside the connection), hands its key in KeyMgmt, and the
 * path's readers get the decrypted stream.
 */
class SrtpPublishTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void gstreamerPublishesSrtpAndPlainReadersGetTheVideo(String transport) throws Exception {
        String path = "/live/srtp-" + transport;
        Publisher publisher = Publisher.gstreamerSrtp("rtsps://127.0.0.1:" + tributary.rtspPort() + path, transport);
        try {
            publisher.awaitPublished(tributary.rtspPort());
            assertEquals(List.of("h264"), FfmpegReader.streams("rtsp://127.0.0.1:" + tributary.rtspPort() + path,
                    "codec_name"));
            String sessions = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + tributary.httpPort() + "/system/console/rtsp.json"))
                    .header("Authorization", TributaryFixture.adminAuthorization()).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(sessions.contains("RTP/SAVP/" + transport.toUpperCase()), "the publisher's session: " + sessions);
        } finally {
            publisher.kill();
        }
    }
}
