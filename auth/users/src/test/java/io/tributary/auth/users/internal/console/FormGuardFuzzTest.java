package io.tributary.auth.users.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.tributary.api.testing.FakeHttp;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whatever the {@code Origin} and {@code Referer} headers hold, the origin check answers
 * without failing, and it lets a request through only when the header it reads names the
 * request's own host and port.
 */
class FormGuardFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void onlyTheRequestsOwnOriginPasses(String origin, String referer, @NotNull String host, boolean https) {
        Map<String, String> headers = new HashMap<>();
        if (origin != null) {
            headers.put("Origin", origin);
        }
        if (referer != null) {
            headers.put("Referer", referer);
        }
        int port = https ? 8443 : 8080;
        boolean passed = FormGuard.sameOrigin(FakeHttp.request("POST", "/users", Map.of(), headers,
                https ? "https" : "http", host, port));
        if (passed) {
            URI read = URI.create((origin != null ? origin : referer).strip());
            assertTrue(read.getScheme().equalsIgnoreCase(https ? "https" : "http"), read.toString());
            assertEquals(port, read.getPort(), read.toString());
            assertEquals(bare(host), bare(read.getHost()), read.toString());
        }
    }

    private static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }
}
