package io.tributary.auth.digest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.auth.AuthResult;
import io.tributary.api.testing.Configs;
import io.tributary.rtsp.header.Authorization;
import io.tributary.rtsp.message.RtspException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Map;

/** Whatever a client sends, the scheme answers without throwing, and never lets in a guessed response. */
class DigestAuthSchemeFuzzTest {
    private static final TestContext REQUEST = TestContext.of("DESCRIBE", "rtsp://127.0.0.1:8554/p");
    private static final DigestAuthScheme SCHEME = new DigestAuthScheme(
            DigestSettings.from(Configs.of(DigestConfig.class, Map.of())), InstantSource.system(), new SecureRandom());
    /** A live nonce of this run, which the fuzzer cannot know, so any answer it makes up has the wrong response. */
    private static final String NONCE;

    static {
        NONCE = SCHEME.challenges(REQUEST, false).getFirst().param("nonce");
    }

    @FuzzTest(maxDuration = "1m")
    void arbitraryAuthorizationIsNeverAccepted(byte[] input) {
        Authorization credentials;
        try {
            credentials = Authorization.parse(new String(input, StandardCharsets.UTF_8));
        } catch (RtspException malformed) {
            assertEquals(400, malformed.status().code());
            return;
        }
        AuthResult result = SCHEME.authenticate(credentials, REQUEST);
        // without one of our live nonces, the best a made-up answer gets is another challenge
        assertTrue(result instanceof AuthResult.Rejected || result instanceof AuthResult.Stale, result::toString);
    }

    @FuzzTest(maxDuration = "1m")
    void answerWithALiveNonceAndAFuzzedResponseIsRejected(FuzzedDataProvider data) {
        Authorization credentials = Authorization.of("Digest", "username", "u", "realm", "Tributary",
                "nonce", NONCE, "uri", data.pickValue(new String[] {REQUEST.uri(), "/p", data.consumeString(64)}),
                "response", data.consumeString(80),
                "algorithm", data.pickValue(new String[] {"MD5", "SHA-256", "MD5-sess", "sha-256-SESS", data.consumeString(16)}),
                "qop", data.pickValue(new String[] {"auth", "AUTH", data.consumeString(8)}),
                "nc", data.consumeString(10), "cnonce", data.consumeRemainingAsString());
        assertInstanceOf(AuthResult.Rejected.class, SCHEME.authenticate(credentials, REQUEST));
    }
}
