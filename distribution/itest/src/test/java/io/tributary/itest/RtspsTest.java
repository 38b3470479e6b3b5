package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RTSPS: TLS on the RTSP port (recognised by its first bytes) and on a port of its own, with
 * the development certificate the first start makes. ffmpeg and GStreamer play through it;
 * Basic logins are offered and accepted only inside TLS; media on an RTSPS session stays
 * inside the connection unless configured otherwise.
 */
class RtspsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(Map.of(
            "io.tributary.auth", "anonymous = read:/demo"));

    @BeforeAll
    static void user() {
        tributary.addUser("viewer", "viewer-secret", "read:/**");
        tributary.addUser("guard", "guard-secret", "read:/secret tls");
        assertTrue(Await.until(TIMEOUT, () -> status(basicDescribe("/secret")) == 404), "the user is not in effect");
    }

    private static String url(int port, String path) {
        return "rtsps://127.0.0.1:" + port + path;
    }

    @Test
    void ffprobeReadsOverTlsOnTheRtspPortAndOnItsOwnPort() throws Exception {
        assertEquals(List.of("h264", "aac"), FfmpegReader.streams(url(tributary.rtspPort(), "/demo"), "codec_name"));
        assertEquals(List.of("h264", "aac"), FfmpegReader.streams(url(tributary.tlsPort(), "/demo"), "codec_name"));
        assertEquals(List.of("h264", "aac"), FfmpegReader.streams(
                "rtsps://viewer:viewer-secret@127.0.0.1:" + tributary.tlsPort() + "/demo", "codec_name"));
    }

    @Test
    void gstreamerPlaysOverTls() throws Exception {
        GstPlayer.Outcome outcome = GstPlayer.play(url(tributary.tlsPort(), "/demo"), "tcp", 10, 5,
                Duration.ofSeconds(20));
        assertTrue(outcome.decodedEnough(), outcome.output());
    }

    @Test
    void theConnectionIsTls13AndTheBaseUrlSaysRtsps() throws Exception {
        try (RawRtsp rtsp = RawRtsp.tls(tributary.rtspPort())) {
            assertEquals("TLSv1.3", rtsp.tlsProtocol());
            RawRtsp.Response describe = rtsp.request("DESCRIBE", "rtsp://127.0.0.1:" + tributary.rtspPort() + "/demo", 1);
            assertEquals(200, describe.status());
            assertTrue(describe.header("Content-Base").startsWith("rtsps://127.0.0.1:"), describe.header("Content-Base"));
        }
    }

    @Test
    void basicIsOfferedAndAcceptedOnlyInsideTls() throws Exception {
        try (RawRtsp plain = new RawRtsp(tributary.rtspPort()); RawRtsp tls = RawRtsp.tls(tributary.rtspPort())) {
            List<String> overPlain = List.of(plain.request("DESCRIBE", url(tributary.rtspPort(), "/secret"), 1)
                    .header("WWW-Authenticate").split("\n"));
            List<String> overTls = List.of(tls.request("DESCRIBE", url(tributary.rtspPort(), "/secret"), 1)
                    .header("WWW-Authenticate").split("\n"));
            assertEquals(2, overPlain.size(), overPlain.toString());
            assertTrue(overPlain.stream().allMatch(c -> c.startsWith("Digest ")), overPlain.toString());
            assertEquals(3, overTls.size(), overTls.toString());
            assertTrue(overTls.get(2).startsWith("Basic realm=\"Tributary\""), overTls.toString());

            String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                    "viewer:viewer-secret".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, tls.request("DESCRIBE", url(tributary.rtspPort(), "/demo"), 2, basic).status());
            assertEquals(401, plain.request("DESCRIBE", url(tributary.rtspPort(), "/secret"), 2, basic).status(),
                    "Basic in the clear is refused");
        }
    }

    @Test
    void aPathCanRequireTls() throws Exception {
        String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                "guard:guard-secret".getBytes(StandardCharsets.UTF_8));
        try (RawRtsp tls = RawRtsp.tls(tributary.rtspPort()); RawRtsp plain = new RawRtsp(tributary.rtspPort())) {
            // guard may read /secret over TLS only (there is no such path: 404 once permitted)
            assertEquals(404, tls.request("DESCRIBE", url(tributary.rtspPort(), "/secret"), 1, basic).status());
            assertEquals(403, tls.request("DESCRIBE", url(tributary.rtspPort(), "/other"), 2, basic).status());
            String challenge = plain.request("DESCRIBE", url(tributary.rtspPort(), "/secret"), 1)
                    .header("WWW-Authenticate");
            DigestLogin login = DigestLogin.answer(challenge, "guard", "guard-secret");
            String secret = "rtsp://127.0.0.1:" + tributary.rtspPort() + "/secret";
            assertEquals(403, plain.request("DESCRIBE", secret, 2, login.header("DESCRIBE", secret)).status(),
                    "a tls permission does not hold on a plain connection");
        }
    }

    @Test
    void mediaOnAnRtspsSessionStaysInsideTheConnection() throws Exception {
        try (RawRtsp tls = RawRtsp.tls(tributary.tlsPort())) {
            String track = url(tributary.tlsPort(), "/demo") + "/trackID=0";
            RawRtsp.Response udp = tls.request("SETUP", track, 1, "Transport: RTP/AVP;unicast;client_port=40000-40001");
            assertEquals(461, udp.status(), udp.body());
            RawRtsp.Response tcp = tls.request("SETUP", track, 2, "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, tcp.status(), tcp.body());
            String session = tcp.header("Session").split(";")[0];
            assertEquals(200, tls.request("PLAY", url(tributary.tlsPort(), "/demo"), 3, "Session: " + session).status());
            assertFalse(tls.frames(1000).isEmpty(), "no media inside TLS");
        }
    }

    @Test
    void theTlsPortSpeaksNothingElse() throws Exception {
        try (RawRtsp plain = new RawRtsp(tributary.tlsPort())) {
            assertThrows(IOException.class, () -> plain.request("OPTIONS", "rtsp://127.0.0.1/", 1),
                    "plain RTSP was answered on the RTSPS port");
        }
    }

    /**
     * A DESCRIBE over TLS with the viewer's Basic login, or null when the connection failed; from
     * an address of its own, so that failures before the user is loaded slow no other test.
     */
    private static RawRtsp.Response basicDescribe(String path) {
        try (RawRtsp tls = RawRtsp.tls("127.0.0.9", tributary.rtspPort())) {
            return tls.request("DESCRIBE", url(tributary.rtspPort(), path), 1, "Authorization: Basic "
                    + Base64.getEncoder().encodeToString("viewer:viewer-secret".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return null;
        }
    }

    private static int status(RawRtsp.Response response) {
        return response == null ? -1 : response.status();
    }
}
