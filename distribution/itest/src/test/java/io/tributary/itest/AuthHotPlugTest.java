package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.InvalidSyntaxException;

/**
 * Authentication schemes are plugins: deleting auth/digest from deploy/ withdraws its
 * challenge at once, while a client that logged in with it keeps playing; putting it back
 * offers it again.
 */
class AuthHotPlugTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String DIGEST = "(tributary.auth.scheme=Digest)";

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(Map.of(
            "io.tributary.auth", "anonymous =",
            // so that a scheme remains offered on a plain connection once Digest is gone
            "io.tributary.auth.basic", "allowWithoutTls = true"));

    @Test
    void removingDigestWithdrawsItsChallengeAndKeepsItsClientsPlaying() throws Exception {
        tributary.addUser("viewer", "viewer-secret", "read:/demo");
        String url = "rtsp://127.0.0.1:" + tributary.rtspPort() + "/demo";
        assertTrue(Await.until(TIMEOUT, () -> loginStatus(url) == 200), "the user is not in effect");
        assertTrue(Await.until(TIMEOUT, () -> challenges(url).size() == 3), "Digest twice and Basic: " + challenges(url));
        assertTrue(challenges(url).get(0).startsWith("Digest ") && challenges(url).get(2).startsWith("Basic "),
                challenges(url).toString());

        // ffmpeg logs in with Digest (the strongest offered) and reads for 12 s
        ExternalTool.require("ffmpeg");
        Path frames = Files.createTempFile("frames", ".md5");
        Path errors = Files.createTempFile("ffmpeg", ".err");
        Process reader = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-rtsp_transport", "tcp", "-i",
                "rtsp://viewer:viewer-secret@127.0.0.1:" + tributary.rtspPort() + "/demo", "-t", "12",
                "-f", "framemd5", "-").redirectOutput(frames.toFile()).redirectError(errors.toFile()).start();
        Path jar = tributary.deployedJar("io.tributary.auth.digest");
        Path parked = tributary.home().resolve(jar.getFileName() + ".parked");
        try {
            Thread.sleep(3000);
            assertTrue(reader.isAlive(), "ffmpeg stopped early: " + Files.readString(errors));
            Files.move(jar, parked);
            assertTrue(Await.until(TIMEOUT, () -> !registered(DIGEST)), "Digest still registered");
            List<String> left = challenges(url);
            assertEquals(1, left.size(), left.toString());
            assertTrue(left.get(0).startsWith("Basic realm=\"Tributary\""), left.toString());

            assertTrue(reader.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && reader.exitValue() == 0,
                    "ffmpeg failed: " + Files.readString(errors));
            long videoFrames = Files.readAllLines(frames).stream().filter(l -> l.startsWith("0,")).count();
            // the demo is 30 fps: 12 s of it, less what a slow start costs
            assertTrue(videoFrames >= 30 * 10, "ffmpeg stopped receiving after the scheme went away: " + videoFrames
                    + " video frames in 12 s");
        } finally {
            reader.destroyForcibly();
            Files.deleteIfExists(frames);
            Files.deleteIfExists(errors);
            if (Files.exists(parked)) {
                Files.move(parked, jar, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        assertTrue(Await.until(TIMEOUT, () -> challenges(url).size() == 3), "Digest not offered again");
    }

    private static List<String> challenges(String url) {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response response = rtsp.request("DESCRIBE", url, 1);
            return response.status() == 401 ? List.of(response.header("WWW-Authenticate").split("\n")) : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Logs in from an address of its own: failures while the user is not loaded yet must not slow 127.0.0.1. */
    private static int loginStatus(String url) {
        try (RawRtsp rtsp = new RawRtsp("127.0.0.9", tributary.rtspPort(), 0)) {
            RawRtsp.Response challenge = rtsp.request("DESCRIBE", url, 1);
            DigestLogin login = DigestLogin.answer(challenge.header("WWW-Authenticate"), "viewer", "viewer-secret");
            return rtsp.request("DESCRIBE", url, 2, login.header("DESCRIBE", url)).status();
        } catch (java.io.IOException | AssertionError e) {
            return -1;
        }
    }

    private static boolean registered(String filter) {
        try {
            var references = tributary.bundleContext().getAllServiceReferences("io.tributary.api.auth.AuthScheme", filter);
            return references != null && references.length > 0;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }
}
