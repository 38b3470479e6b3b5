package io.tributary.sources.relay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Whatever the configured URL, parsing either refuses it with an {@link IllegalArgumentException}
 * or yields a redacted form that carries no user info: no {@code @} in its authority, and
 * neither the user nor the password of the input.
 */
class UpstreamUrlFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void redactedUrlsNeverCarryUserInfo(@NotNull String user, @NotNull String password, @NotNull String rest) {
        // user info with '/', '?', '#' or '@' unescaped cannot be told from the path (the client reads it the same way)
        if (user.chars().anyMatch(c -> "/?#@".indexOf(c) >= 0) || password.chars().anyMatch(c -> "/?#@".indexOf(c) >= 0)) {
            return;
        }
        String url = "rtsp://" + user + ":" + password + "@" + rest;
        UpstreamUrl parsed;
        try {
            parsed = UpstreamUrl.parse(url);
        } catch (IllegalArgumentException refused) {
            assertFalse(password.length() > 3 && refused.getMessage().contains(":" + password + "@"),
                    refused.getMessage());
            return;
        }
        String redacted = parsed.redacted();
        assertTrue(redacted.startsWith("rtsp://"), redacted);
        int authorityEnd = firstOf(redacted, "/?#", "rtsp://".length());
        String authority = redacted.substring("rtsp://".length(), authorityEnd < 0 ? redacted.length() : authorityEnd);
        assertFalse(authority.contains("@"), "authority of " + redacted);
        assertFalse(redacted.contains(":" + password + "@"), redacted);
        assertEquals(url.strip(), parsed.url());
    }

    private static int firstOf(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
