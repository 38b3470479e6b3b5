package io.tributary.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.auth.AccessDeniedException;
import io.tributary.api.auth.AccessGuard;
import io.tributary.api.auth.UserPrincipal;
import io.tributary.api.testing.FakeHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleLoginTest {
    private final List<String> asked = new ArrayList<>();

    /** Admin "root" with password "pw"; "alice" may log in but is no admin. */
    private final AccessGuard guard = (user, password, permission, path, remote, protocol, secure) -> {
        asked.add(user + " " + permission + " " + path + " " + protocol);
        if (user == null) {
            throw new AccessDeniedException("log in", true);
        }
        if (!"pw".equals(new String(password))) {
            throw new AccessDeniedException("wrong user name or password", true);
        }
        if (!user.equals("root")) {
            throw new AccessDeniedException(user + " may not admin /", false);
        }
        return Optional.of(new UserPrincipal(user));
    };

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private Object login(String authorization, FakeHttp.Response response) {
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
        return new ConsoleLogin(guard).authenticate(FakeHttp.request("GET", "/bundles", Map.of(), headers),
                response.proxy);
    }

    @Test
    void anAdministratorLogsInWithTheSameUsersAsRtsp() {
        FakeHttp.Response response = new FakeHttp.Response();
        assertEquals("root", login(basic("root:pw"), response));
        assertEquals(List.of("root ADMIN / http"), asked);
    }

    @Test
    void noOrWrongCredentialsAreChallengedAndAKnownNonAdminIsForbidden() {
        FakeHttp.Response anonymous = new FakeHttp.Response();
        assertNull(login(null, anonymous));
        assertEquals(401, anonymous.status);
        assertTrue(anonymous.headers.get("WWW-Authenticate").startsWith("Basic realm=\"Tributary console\""));

        FakeHttp.Response wrong = new FakeHttp.Response();
        assertNull(login(basic("root:guess"), wrong));
        assertEquals(401, wrong.status);

        FakeHttp.Response alice = new FakeHttp.Response();
        assertNull(login(basic("alice:pw"), alice));
        assertEquals(403, alice.status);
    }

    @Test
    void malformedBasicCredentialsCountAsNone() {
        assertNull(ConsoleLogin.basic("Basic !!!"));
        assertNull(ConsoleLogin.basic("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())));
        assertNull(ConsoleLogin.basic("Bearer abc"));
        char[][] pair = ConsoleLogin.basic(basic("u:p:with:colons"));
        assertEquals("u", new String(pair[0]));
        assertEquals("p:with:colons", new String(pair[1]));
    }

    @Test
    void withoutTheGuardTheConsoleIsClosed() {
        FakeHttp.Response response = new FakeHttp.Response();
        assertNull(new ConsoleLogin(null).authenticate(FakeHttp.request("GET", "/bundles", Map.of(),
                Map.of("Authorization", basic("root:pw"))), response.proxy));
        assertEquals(503, response.status);
    }
}
