package io.tributary.auth.digest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tributary.api.auth.AuthResult;
import io.tributary.api.auth.PresentedCredentials;
import io.tributary.api.auth.UserPrincipal;
import io.tributary.api.testing.Configs;
import io.tributary.client.Credentials;
import io.tributary.client.internal.DigestAuthenticator;
import io.tributary.rtsp.header.Authorization;
import io.tributary.rtsp.header.Challenge;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheme against the answers real clients send, computed by the RTSP client's own Digest
 * code as an independent oracle.
 */
class DigestAuthSchemeTest {
    private static final String URI = "rtsp://127.0.0.1:8554/p";
    private static final String CNONCE = "5a7c1e09b3d24f68";
    private static final AuthResult OK = new AuthResult.Authenticated(new UserPrincipal("u"));
    private static final AuthResult STALE = new AuthResult.Stale();
    private static final DigestSettings DEFAULTS = DigestSettings.from(Configs.of(DigestConfig.class, Map.of()));

    private final TestClock clock = new TestClock();
    private final TestContext describe = TestContext.of("DESCRIBE", URI);
    private final DigestAuthScheme scheme = scheme(DEFAULTS);

    @Test
    void challengesOfferEachAlgorithmInOrderWithRealmFirstAndNonceSecond() {
        List<Challenge> challenges = scheme.challenges(describe, false);
        String nonce = challenges.getFirst().param("nonce");
        assertEquals(List.of(
                "Digest realm=\"Tributary\", nonce=\"" + nonce + "\", algorithm=SHA-256, qop=\"auth\"",
                "Digest realm=\"Tributary\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\""),
                challenges.stream().map(Challenge::format).toList());
    }

    @Test
    void staleChallengesSaySoAtTheEnd() {
        List<Challenge> challenges = scheme.challenges(describe, true);
        String nonce = challenges.getFirst().param("nonce");
        assertEquals("Digest realm=\"Tributary\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\", stale=true",
                challenges.getLast().format());
    }

    @Test
    void everyChallengeOfA401SharesOneNonceAndEach401HasItsOwn() {
        List<Challenge> first = scheme.challenges(describe, false);
        assertEquals(first.getFirst().param("nonce"), first.getLast().param("nonce"));
        assertNotEquals(first.getFirst().param("nonce"), scheme.challenges(describe, false).getFirst().param("nonce"));
    }

    @Test
    void ffmpegAnswerToTheLastChallengeIsAccepted() {
        Challenge md5 = scheme.challenges(describe, false).getLast();
        String response = client(md5, "u", "pw").authorization("DESCRIBE", URI, null);
        String ffmpeg = "Digest username=\"u\", realm=\"Tributary\", nonce=\"" + md5.param("nonce") + "\", uri=\""
                + URI + "\", response=\"" + Authorization.parse(response).param("response")
                + "\", algorithm=\"MD5\", qop=\"auth\", cnonce=\"" + CNONCE + "\", nc=00000001";
        assertEquals(OK, scheme.authenticate(Authorization.parse(ffmpeg), describe));
    }

    @Test
    void gstreamerAnswerWithoutQopIsAccepted() {
        String nonce = scheme.challenges(describe, false).getFirst().param("nonce");
        // rtspsrc ignores qop and algorithm: MD5 in RFC 2069's form
        String response = Authorization.parse(client(Challenge.of("Digest", "realm", "Tributary", "nonce", nonce),
                "u", "pw").authorization("DESCRIBE", URI, null)).param("response");
        String gstreamer = "Digest username=\"u\", realm=\"Tributary\", nonce=\"" + nonce + "\", uri=\"" + URI
                + "\", response=\"" + response + "\"";
        assertEquals(OK, scheme.authenticate(Authorization.parse(gstreamer), describe));
    }

    @Test
    void sha256AnswerIsAccepted() {
        Challenge sha256 = scheme.challenges(describe, false).getFirst();
        assertEquals(OK, scheme.authenticate(answer(sha256, "u", "pw", describe), describe));
    }

    @Test
    void md5AnswerWithoutAlgorithmToTheSha256ChallengeIsAccepted() {
        Challenge sha256 = scheme.challenges(describe, false).getFirst();
        Challenge asReadByAnOldClient = Challenge.of("Digest", "realm", "Tributary", "nonce", sha256.param("nonce"),
                "qop", "auth");
        Authorization answer = answer(asReadByAnOldClient, "u", "pw", describe);
        assertEquals(null, answer.param("algorithm"));
        assertEquals(OK, scheme.authenticate(answer, describe));
    }

    @Test
    void wrongPasswordIsRejected() {
        Challenge md5 = scheme.challenges(describe, false).getLast();
        assertEquals(new AuthResult.Rejected("wrong digest response"),
                scheme.authenticate(answer(md5, "u", "wrong", describe), describe));
    }

    @Test
    void replayedNonceCountIsRejectedButOutOfOrderCountsAreNot() {
        DigestAuthenticator client = client(scheme.challenges(describe, false).getLast(), "u", "pw");
        Authorization first = Authorization.parse(client.authorization("DESCRIBE", URI, null));
        Authorization second = Authorization.parse(client.authorization("SETUP", URI, null));
        TestContext setup = describe.with("SETUP", URI);
        assertEquals(OK, scheme.authenticate(second, setup));
        assertEquals(OK, scheme.authenticate(first, describe));
        assertEquals(new AuthResult.Rejected("replayed nonce count"), scheme.authenticate(first, describe));
        assertEquals(new AuthResult.Rejected("replayed nonce count"), scheme.authenticate(second, setup));
    }

    @Test
    void expiredNonceIsStaleAndTheNextChallengeWorks() {
        Authorization answer = answer(scheme.challenges(describe, false).getLast(), "u", "pw", describe);
        clock.advance(Duration.ofSeconds(301));
        assertEquals(STALE, scheme.authenticate(answer, describe));
        assertEquals(OK, scheme.authenticate(answer(scheme.challenges(describe, true).getLast(), "u", "pw", describe),
                describe));
    }

    @Test
    void answersWithoutQopExpireSooner() {
        String nonce = scheme.challenges(describe, false).getLast().param("nonce");
        Authorization legacy = answer(Challenge.of("Digest", "realm", "Tributary", "nonce", nonce), "u", "pw", describe);
        Authorization withQop = answer(Challenge.of("Digest", "realm", "Tributary", "nonce", nonce, "qop", "auth"),
                "u", "pw", describe);
        clock.advance(Duration.ofSeconds(61));
        assertEquals(STALE, scheme.authenticate(legacy, describe));
        assertEquals(OK, scheme.authenticate(withQop, describe));
    }

    @Test
    void nonceFromBeforeARestartIsStale() {
        Authorization answer = answer(scheme.challenges(describe, false).getLast(), "u", "pw", describe);
        assertEquals(STALE, scheme(DEFAULTS).authenticate(answer, describe));
    }

    @Test
    void nonceIssuedToAnotherAddressIsStale() {
        Authorization answer = answer(scheme.challenges(describe, false).getLast(), "u", "pw", describe);
        assertEquals(STALE, scheme.authenticate(answer, describe.from("127.0.0.2")));
    }

    @Test
    void answersWithoutQopAreRejectedWhenLegacyIsNotAllowed() {
        DigestAuthScheme strict = scheme(DigestSettings.from(Configs.of(DigestConfig.class,
                Map.of("allowLegacy", false))));
        String nonce = strict.challenges(describe, false).getLast().param("nonce");
        Authorization legacy = answer(Challenge.of("Digest", "realm", "Tributary", "nonce", nonce), "u", "pw", describe);
        assertEquals(new AuthResult.Rejected("answers without qop are not accepted"), strict.authenticate(legacy, describe));
    }

    @Test
    void answerForAnotherRealmIsRejected() {
        String nonce = scheme.challenges(describe, false).getLast().param("nonce");
        Authorization answer = answer(Challenge.of("Digest", "realm", "Other", "nonce", nonce, "qop", "auth"),
                "u", "pw", describe);
        assertEquals(new AuthResult.Rejected("realm mismatch"), scheme.authenticate(answer, describe));
    }

    @Test
    void answerForAnotherUriIsRejectedButThePathAloneIsAccepted() {
        Challenge md5 = scheme.challenges(describe, false).getLast();
        Authorization other = answer(md5, "u", "pw", describe.with("DESCRIBE", "rtsp://127.0.0.1:8554/other"));
        assertEquals(new AuthResult.Rejected("uri does not match the request"), scheme.authenticate(other, describe));
        Authorization path = answer(md5, "u", "pw", describe.with("DESCRIBE", "/p/"));
        assertEquals(OK, scheme.authenticate(path, describe));
    }

    @Test
    void algorithmThatIsNotOfferedIsRejected() {
        DigestAuthScheme sha256Only = scheme(DigestSettings.from(Configs.of(DigestConfig.class,
                Map.of("algorithms", "SHA-256"))));
        String nonce = sha256Only.challenges(describe, false).getFirst().param("nonce");
        Authorization md5 = answer(Challenge.of("Digest", "realm", "Tributary", "nonce", nonce, "algorithm", "MD5",
                "qop", "auth"), "u", "pw", describe);
        assertEquals(new AuthResult.Rejected("algorithm MD5 not offered"), sha256Only.authenticate(md5, describe));
    }

    @Test
    void malformedAnswerIsRejectedWithWhatIsWrong() {
        assertEquals(new AuthResult.Rejected("missing response"), scheme.authenticate(Authorization.of("Digest",
                "username", "u", "realm", "Tributary", "nonce", "n", "uri", URI), describe));
        assertEquals(new AuthResult.Rejected("missing username"),
                scheme.authenticate(Authorization.of("Digest", "", "dXNlcjpwdw=="), describe));
    }

    @Test
    void unknownUserWithALiveNonceIsUnverifiedWithTheParametersAndMethod() {
        Authorization answer = answer(scheme.challenges(describe, false).getLast(), "x", "secret", describe);
        Map<String, String> digest = new LinkedHashMap<>(answer.params());
        digest.put("method", "DESCRIBE");
        assertEquals(new AuthResult.Unverified(new PresentedCredentials("Digest", "x", null, digest)),
                scheme.authenticate(answer, describe));
    }

    @Test
    void unknownUserWithAnExpiredNonceIsStale() {
        Authorization answer = answer(scheme.challenges(describe, false).getLast(), "x", "secret", describe);
        clock.advance(Duration.ofSeconds(301));
        assertEquals(STALE, scheme.authenticate(answer, describe));
    }

    @Test
    void rfc7616ExampleHasTheRightResponseButAForeignNonce() {
        DigestAuthScheme example = new DigestAuthScheme(new DigestSettings("http-auth@example.org",
                DEFAULTS.algorithms(), DEFAULTS.nonceLifetime(), DEFAULTS.legacyNonceLifetime(), true),
                clock, new SecureRandom());
        TestContext get = TestContext.of("GET", "/dir/index.html")
                .withStore(new PasswordStore("http-auth@example.org", Map.of("Mufasa", "Circle of Life")));
        assertEquals(STALE, example.authenticate(DigestResponseTest.rfc7616Example("MD5",
                "8ca523f5e9506fed4657c9700eebdbec"), get));
        assertEquals(STALE, example.authenticate(DigestResponseTest.rfc7616Example("SHA-256",
                "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"), get));
        assertEquals(new AuthResult.Rejected("wrong digest response"), example.authenticate(
                DigestResponseTest.rfc7616Example("MD5", "8ca523f5e9506fed4657c9700eebdbed"), get));
    }

    private DigestAuthScheme scheme(DigestSettings settings) {
        return new DigestAuthScheme(settings, clock, new SecureRandom());
    }

    /** The RTSP client's Digest code answering a challenge. */
    private static DigestAuthenticator client(Challenge challenge, String user, String password) {
        return DigestAuthenticator.from(challenge, new Credentials(user, password), () -> CNONCE);
    }

    /** The client's first answer to a challenge, for a request. */
    private static Authorization answer(Challenge challenge, String user, String password, TestContext request) {
        return Authorization.parse(client(challenge, user, password).authorization(request.method(), request.uri(), null));
    }
}
