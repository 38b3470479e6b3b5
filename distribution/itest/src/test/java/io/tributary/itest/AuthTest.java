package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Logins and permissions with real clients: a server where anonymous clients may do nothing,
 * a reader, a second reader, and a publisher. ffmpeg and GStreamer log in with Digest;
 * wrong passwords, missing permissions and borrowed session ids are refused; a user added
 * while the server runs can log in at once; password guessing is slowed, then refused, while
 * other addresses are not affected.
 */
class AuthTest {
    private static final String VIEWER = "viewer";
    private static final String VIEWER_PASSWORD = "viewer-secret";
    private static final String OTHER = "other";
    private static final String OTHER_PASSWORD = "other-secret";
    private static final String PUBLISHER = "publisher";
    private static final String PUBLISHER_PASSWORD = "publisher-secret";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Where tests that wait for a new user log in from, so that their failures count against no one else. */
    private static final String POLLER = "127.0.0.9";

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture(Map.of(
            "io.tributary.auth", "anonymous =",
            // guessing limits small enough for a test: slowed after 3 failures, refused after 10 for 4 s
            "io.tributary.engine.rtsp", "loginFailuresBeforeDelay = 3\nloginFailuresBeforeBlock = 10\n"
                    + "loginBlockSeconds = 4\nloginMaxDelayMillis = 400"));

    @BeforeAll
    static void users() {
        tributary.addUser(VIEWER, VIEWER_PASSWORD, "read:/demo", "read:/live/**");
        tributary.addUser(OTHER, OTHER_PASSWORD, "read:/demo");
        tributary.addUser(PUBLISHER, PUBLISHER_PASSWORD, "publish:/live/**");
        // FileInstall reads the new files within a second
        // polled from an address of its own: failed logins while FileInstall reads the files must not
        // slow down the tests' own address
        assertTrue(Await.until(TIMEOUT, () -> describe(POLLER, VIEWER, VIEWER_PASSWORD, "/demo") == 200),
                "the users written before the test are not in effect");
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    private static String url(String user, String password, String path) {
        return "rtsp://" + user + ":" + password + "@127.0.0.1:" + tributary.rtspPort() + path;
    }

    /** DESCRIBE from {@code localAddress} (null: default), logging in with Digest when challenged; the final status. */
    private static int describe(String localAddress, String user, String password, String path) {
        try (RawRtsp rtsp = new RawRtsp(localAddress, tributary.rtspPort(), 0)) {
            RawRtsp.Response challenge = rtsp.request("DESCRIBE", url(path), 1);
            if (challenge.status() != 401) {
                return challenge.status();
            }
            DigestLogin login = DigestLogin.answer(challenge.header("WWW-Authenticate"), user, password);
            return rtsp.request("DESCRIBE", url(path), 2, login.header("DESCRIBE", url(path))).status();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Test
    void anonymousClientsAreChallengedWithSha256FirstAndMd5Last() throws Exception {
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            assertEquals(200, rtsp.request("OPTIONS", url("/demo"), 1).status(), "OPTIONS needs no login");
            RawRtsp.Response response = rtsp.request("DESCRIBE", url("/demo"), 2);
            assertEquals(401, response.status());
            List<String> challenges = List.of(response.header("WWW-Authenticate").split("\n"));
            assertEquals(2, challenges.size(), challenges.toString());
            // live555 reads realm and nonce only when they come first, in this order
            Pattern digest = Pattern.compile("Digest realm=\"Tributary\", nonce=\"([^\"]+)\", algorithm=(\\S+),.*");
            Matcher first = digest.matcher(challenges.get(0));
            Matcher last = digest.matcher(challenges.get(1));
            assertTrue(first.matches() && last.matches(), challenges.toString());
            assertEquals("SHA-256", first.group(2));
            assertEquals("MD5", last.group(2), "ffmpeg answers only the last Digest challenge");
            assertEquals(first.group(1), last.group(1), "one nonce for both algorithms");
        }
    }

    @Test
    void ffprobeLogsInWithDigestAndAWrongPasswordIsRefused() throws Exception {
        List<String> streams = FfmpegReader.streams(url(VIEWER, VIEWER_PASSWORD, "/demo"), "codec_name");
        assertEquals(List.of("h264", "aac"), streams);

        ExternalTool.Result wrong = ExternalTool.run(Duration.ofSeconds(30), "ffprobe", "-v", "error",
                "-rtsp_transport", "tcp", url(VIEWER, "not-the-password", "/demo"));
        assertNotEquals(0, wrong.exitCode());
        assertTrue(wrong.stderr().contains("401"), wrong.stderr());
    }

    @Test
    void gstreamerLogsInWithUserIdAndUserPw() throws Exception {
        GstPlayer.Outcome outcome = GstPlayer.play(url("/demo"), "tcp", 10, 0, Duration.ofSeconds(20), VIEWER,
                VIEWER_PASSWORD);
        assertTrue(outcome.decodedEnough(), outcome.output());
    }

    @Test
    void aPublishOnlyUserPublishesAndCannotRead() throws Exception {
        Path clip = tributary.home().resolve("demo/demo.mp4");
        Publisher publisher = Publisher.loop(clip, url(PUBLISHER, PUBLISHER_PASSWORD, "/live/cam1"), "tcp");
        try {
            boolean playing = Await.until(TIMEOUT, () -> describe(null, VIEWER, VIEWER_PASSWORD, "/live/cam1") == 200);
            assertTrue(playing, "the publisher did not get through: " + publisher.output());
            assertEquals(List.of("h264", "aac"), FfmpegReader.streams(url(VIEWER, VIEWER_PASSWORD, "/live/cam1"),
                    "codec_name"), "a reader gets what the publisher sends");
            assertEquals(403, describe(null, PUBLISHER, PUBLISHER_PASSWORD, "/live/cam1"),
                    "publishing does not mean reading");
        } finally {
            publisher.kill();
        }
    }

    @Test
    void aReadOnlyUserGets403OnAnnounce() throws Exception {
        String sdp = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=x\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\n"
                + "a=rtpmap:96 H264/90000\r\na=control:streamid=0\r\n";
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response challenge = rtsp.request("DESCRIBE", url("/demo"), 1);
            DigestLogin login = DigestLogin.answer(challenge.header("WWW-Authenticate"), VIEWER, VIEWER_PASSWORD);
            rtsp.send("ANNOUNCE " + url("/live/mine") + " RTSP/1.0\r\nCSeq: 2\r\n"
                    + login.header("ANNOUNCE", url("/live/mine")) + "\r\nContent-Type: application/sdp\r\n"
                    + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp);
            RawRtsp.Response announce = rtsp.read();
            assertEquals(403, announce.status(), announce.body());
        }
    }

    @Test
    void anotherUsersSessionIdGets454AndNoMedia() throws Exception {
        try (RawRtsp owner = new RawRtsp(tributary.rtspPort()); RawRtsp thief = new RawRtsp(tributary.rtspPort())) {
            String track = url("/demo") + "/trackID=0";
            DigestLogin ownerLogin = DigestLogin.answer(owner.request("DESCRIBE", url("/demo"), 1)
                    .header("WWW-Authenticate"), VIEWER, VIEWER_PASSWORD);
            RawRtsp.Response setup = owner.request("SETUP", track, 2, ownerLogin.header("SETUP", track),
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status(), setup.body());
            String session = setup.header("Session").split(";")[0];
            assertEquals(200, owner.request("PLAY", url("/demo"), 3, ownerLogin.header("PLAY", url("/demo")),
                    "Session: " + session).status());
            assertFalse(owner.frames(500).isEmpty(), "the owner receives media");

            DigestLogin thiefLogin = DigestLogin.answer(thief.request("DESCRIBE", url("/demo"), 1)
                    .header("WWW-Authenticate"), OTHER, OTHER_PASSWORD);
            RawRtsp.Response play = thief.request("PLAY", url("/demo"), 2, thiefLogin.header("PLAY", url("/demo")),
                    "Session: " + session);
            assertEquals(454, play.status(), play.body());
            RawRtsp.Response teardown = thief.request("TEARDOWN", url("/demo"), 3,
                    thiefLogin.header("TEARDOWN", url("/demo")), "Session: " + session);
            assertEquals(454, teardown.status(), "nor may the other user end it");
            assertTrue(thief.frames(1000).isEmpty(), "the other user got media");
            assertFalse(owner.frames(500).isEmpty(), "the owner still receives media");
        }
    }

    @Test
    void aUserAddedWhileTheServerRunsLogsInWithoutARestart() {
        assertEquals(401, describe("127.0.0.10", "late", "late-secret", "/demo"));
        tributary.addUser("late", "late-secret", "read:/demo");
        assertTrue(Await.until(TIMEOUT, () -> describe("127.0.0.10", "late", "late-secret", "/demo") == 200),
                "the new user could not log in");
    }

    @Test
    void passwordGuessingIsSlowedThenRefusedWhileOtherAddressesAreNot() throws Exception {
        String attacker = "127.0.0.3";
        List<Long> millis = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 50; attempt++) {
            long start = System.nanoTime();
            statuses.add(describe(attacker, VIEWER, "guess-" + attempt, "/demo"));
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        assertEquals(List.of(401, 401, 401), statuses.subList(0, 3), "the first wrong passwords get 401");
        assertTrue(millis.subList(0, 3).stream().allMatch(m -> m < 1000), "not slowed at first: " + millis);
        assertTrue(millis.subList(3, 9).stream().allMatch(m -> m >= 200), "slowed after 3 failures: " + millis);
        // refused after 10: a request on an open connection gets 403, a new connection is closed at once (-1)
        assertTrue(statuses.subList(10, 50).stream().allMatch(s -> s == 403 || s == -1), "refused after 10: " + statuses);

        long start = System.nanoTime();
        assertEquals(200, describe("127.0.0.2", VIEWER, VIEWER_PASSWORD, "/demo"), "another address is not refused");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "and not slowed");

        // after the block, the right password gets in from the same address
        assertTrue(Await.until(Duration.ofSeconds(10), () -> describe(attacker, VIEWER, VIEWER_PASSWORD, "/demo") == 200),
                "the right password is refused after the block");
    }
}
