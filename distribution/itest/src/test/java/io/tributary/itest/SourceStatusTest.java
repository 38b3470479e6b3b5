package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Operators see how relayed and published paths are doing in the console's {@code rtsp.json}
 * (the same rows as the RTSP tab and {@code rtsp:sources}): a relay that streams is up, one
 * whose camera refuses is down with the reason and the next retry, an on-demand relay without
 * readers is idle, and a publisher's path is up while it publishes and down, waiting for it,
 * once it left.
 */
class SourceStatusTest {
    private static final int REFUSING_PORT = closedPort();

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(Map.of(
            "io.tributary.path-up", "path = /relay/up\nsource = rtsp://127.0.0.1:${tributary.rtsp.port}/demo\n"
                    + "onDemand = false",
            "io.tributary.path-refused", "path = /relay/refused\nsource = rtsp://user:secret@127.0.0.1:"
                    + REFUSING_PORT + "/cam\nonDemand = false\nreconnectMinSeconds = 1\nreconnectMaxSeconds = 2",
            "io.tributary.path-idle", "path = /relay/idle\nsource = rtsp://127.0.0.1:${tributary.rtsp.port}/demo"));

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // closed again: connections to it are refused
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void relaysShowWhetherTheirCameraStreamsAndWhyNot() {
        String up = "\\{\"path\":\"/relay/up\",\"origin\":\"rtsp://127\\.0\\.0\\.1:\\d+/demo\",\"state\":\"up\","
                + "\"since\":\"[0-9T:-]+Z\",\"detail\":\"H264, MPEG4-GENERIC over TCP\"}";
        String refused = "\\{\"path\":\"/relay/refused\",\"origin\":\"rtsp://127\\.0\\.0\\.1:" + REFUSING_PORT
                + "/cam\",\"state\":\"down\",\"since\":\"[0-9T:-]+Z\",\"detail\":\"last failure: [^\"]*refused"
                + "[^\"]*; retrying in \\d+\\.\\d s\"}";
        String idle = "\\{\"path\":\"/relay/idle\",\"origin\":\"rtsp://127\\.0\\.0\\.1:\\d+/demo\",\"state\":\"idle\","
                + "\"since\":null,\"detail\":\"on demand: connects for the first reader\"}";
        String[] json = {""};
        boolean shown = Await.until(TIMEOUT, () -> {
            json[0] = rtspJson();
            return find(up, json[0]) && find(refused, json[0]) && find(idle, json[0]);
        });
        assertTrue(shown, "rtsp.json does not show the three relays as up, down and idle:\n" + json[0]);
        assertTrue(!json[0].contains("secret") && !json[0].contains("user@"), "credentials shown: " + json[0]);
    }

    @Test
    void aPublishedPathIsUpWhilePublishedAndWaitsForItsPublisherAfter() throws Exception {
        String url = "rtsp://127.0.0.1:" + tributary.rtspPort() + "/live/status";
        String[] json = {""};
        try (Publisher publisher = Publisher.loop(tributary.home().resolve("demo/demo.mp4"), url, "tcp")
                .awaitPublished(tributary.rtspPort())) {
            String up = "\\{\"path\":\"/live/status\",\"origin\":\"publisher 127\\.0\\.0\\.1:\\d+\",\"state\":\"up\","
                    + "\"since\":\"[0-9T:-]+Z\",\"detail\":\"\"}";
            assertTrue(Await.until(TIMEOUT, () -> find(up, json[0] = rtspJson())), "not up:\n" + json[0]);
        }
        String waiting = "\\{\"path\":\"/live/status\",\"origin\":\"publisher 127\\.0\\.0\\.1:\\d+\",\"state\":\"down\","
                + "\"since\":\"[0-9T:-]+Z\",\"detail\":\"publisher left; readers wait \\d+ s more for it to come back\"}";
        assertTrue(Await.until(TIMEOUT, () -> find(waiting, json[0] = rtspJson())), "not waiting:\n" + json[0]);
    }

    private static boolean find(String regex, String text) {
        return Pattern.compile(regex).matcher(text).find();
    }

    private String rtspJson() {
        URI uri = URI.create("http://127.0.0.1:" + tributary.httpPort() + "/system/console/rtsp.json");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).header("Authorization",
                TributaryFixture.adminAuthorization()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }
}
