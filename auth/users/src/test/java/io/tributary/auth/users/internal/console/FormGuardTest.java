package io.tributary.auth.users.internal.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.testing.FakeHttp;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormGuardTest {
    private static boolean sameOrigin(Map<String, String> headers, String scheme, String serverName, int port) {
        return FormGuard.sameOrigin(FakeHttp.request("POST", "/users", Map.of(), headers, scheme, serverName, port));
    }

    @Test
    void anOriginMatchesWhenSchemeHostAndPortAreTheRequestsOwn() {
        assertTrue(sameOrigin(Map.of("Origin", "http://[::1]:8080"), "http", "[::1]", 8080));
        assertTrue(sameOrigin(Map.of("Origin", "http://[::1]:8080"), "http", "::1", 8080));
        assertTrue(sameOrigin(Map.of("Origin", "https://Tributary.Example"), "https", "tributary.example", 443));
        assertTrue(sameOrigin(Map.of("Origin", "http://tributary.example:80"), "http", "tributary.example", 80));
        assertFalse(sameOrigin(Map.of("Origin", "http://tributary.example"), "http", "tributary.example", 8080));
        assertFalse(sameOrigin(Map.of("Origin", "http://tributary.example.evil"), "http", "tributary.example", 80));
        assertFalse(sameOrigin(Map.of("Origin", "http://[::2]:8080"), "http", "[::1]", 8080));
    }

    @Test
    void theRefererCountsOnlyWithoutAnOrigin() {
        String own = "http://127.0.0.1:8080/system/console/users?notice=abc";
        assertTrue(sameOrigin(Map.of("Referer", own), "http", "127.0.0.1", 8080));
        assertFalse(sameOrigin(Map.of("Referer", own, "Origin", "http://evil.example"), "http", "127.0.0.1", 8080));
        assertFalse(sameOrigin(Map.of("Referer", "http://127.0.0.1.evil.example/x"), "http", "127.0.0.1", 8080));
        assertFalse(sameOrigin(Map.of("Referer", "/system/console/users"), "http", "127.0.0.1", 8080));
        assertFalse(sameOrigin(Map.of(), "http", "127.0.0.1", 8080));
    }

    @Test
    void onlyThisStartsTokenIsValid() {
        FormGuard guard = new FormGuard(new SecureRandom());
        FormGuard nextStart = new FormGuard(new SecureRandom());

        assertTrue(guard.validToken(guard.token()));
        assertNotEquals(guard.token(), nextStart.token());
        assertFalse(guard.validToken(nextStart.token()));
        assertFalse(guard.validToken(null));
        assertFalse(guard.validToken(""));
        assertTrue(guard.token().length() >= 43, guard.token()); // 32 random bytes
    }
}
