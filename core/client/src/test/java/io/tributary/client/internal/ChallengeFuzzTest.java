package io.tributary.client.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.client.Credentials;
import io.tributary.rtsp.header.Challenge;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Whatever a server puts in WWW-Authenticate: the parser never throws, and an answer we
 * compute never throws and never carries a line break into our request.
 */
class ChallengeFuzzTest {
    private static final Credentials CREDENTIALS = new Credentials("user", "pa\"ss");

    @FuzzTest(maxDuration = "1m")
    void wwwAuthenticate(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<String> headers = List.of(text.split("\n", 4));
        List<Challenge> challenges = Challenge.parseAll(headers);
        Authenticators.stale(challenges);
        for (Challenge c : challenges) {
            DigestAuthenticator digest = DigestAuthenticator.from(c, CREDENTIALS, () -> "cnonce");
            if (digest != null) {
                checkLine(digest.authorization("DESCRIBE", "rtsp://h/s", input));
            }
        }
        Authenticator chosen = Authenticators.choose(challenges, CREDENTIALS, () -> "cnonce");
        if (chosen != null) {
            checkLine(chosen.authorization("SETUP", "rtsp://h/s/trackID=1", null));
            chosen.describe();
        }
    }

    private static void checkLine(String header) {
        assertFalse(header.indexOf('\r') >= 0 || header.indexOf('\n') >= 0, header);
    }
}
