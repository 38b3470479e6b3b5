package io.tributary.auth.basic.internal;

import static io.tributary.auth.basic.internal.BasicCredentialsTest.base64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.api.auth.AuthResult;
import io.tributary.api.auth.PresentedCredentials;
import io.tributary.api.auth.UserPrincipal;
import io.tributary.api.testing.Configs;
import io.tributary.rtsp.header.Authorization;
import io.tributary.rtsp.header.Challenge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Basic is offered and accepted over TLS only (unless allowed), and checks passwords with the stores. */
class BasicAuthSchemeTest {
    private final PasswordStore store = new PasswordStore(Map.of("u", "pw", "colon", "a:b"));
    private final BasicAuthScheme scheme = scheme(Map.of());
    private final TestContext tls = TestContext.tls(store);
    private final TestContext plain = TestContext.plain(store);

    @Test
    void challengeOverTlsNamesRealmAndUtf8() {
        List<Challenge> challenges = scheme.challenges(tls, false);
        assertEquals(List.of(Challenge.of("Basic", "realm", "Tributary", "charset", "UTF-8")), challenges);
        assertEquals("Basic realm=\"Tributary\", charset=UTF-8", challenges.getFirst().format());
        assertEquals(challenges, scheme.challenges(tls, true));
    }

    @Test
    void notOfferedOnPlainConnections() {
        assertEquals(List.of(), scheme.challenges(plain, false));
    }

    @Test
    void offeredOnPlainConnectionsWhenAllowed() {
        BasicAuthScheme allowed = scheme(Map.of("allowWithoutTls", true, "realm", "Cams"));
        assertEquals(List.of(Challenge.of("Basic", "realm", "Cams", "charset", "UTF-8")),
                allowed.challenges(plain, false));
        assertEquals(ok("u"), allowed.authenticate(basic("u:pw"), plain));
    }

    @Test
    void rightCredentialsOnAPlainConnectionAreRejected() {
        assertEquals(new AuthResult.Rejected("Basic is only accepted over TLS"),
                scheme.authenticate(basic("u:pw"), plain));
        assertEquals(List.of(), store.handed);
    }

    @Test
    void rightPasswordOverTlsAuthenticates() {
        assertEquals(ok("u"), scheme.authenticate(Authorization.parse("Basic " + base64("u:pw")), tls));
        assertEquals(ok("colon"), scheme.authenticate(basic("colon:a:b"), tls));
    }

    @Test
    void wrongPasswordIsRejected() {
        assertEquals(new AuthResult.Rejected("wrong password"), scheme.authenticate(basic("u:nope"), tls));
    }

    @Test
    void userNoStoreKnowsIsUnverifiedWithThePassword() {
        assertEquals(new AuthResult.Unverified(new PresentedCredentials("Basic", "x", "p:w", Map.of())),
                scheme.authenticate(basic("x:p:w"), tls));
        assertEquals(new AuthResult.Unverified(new PresentedCredentials("Basic", "u", "pw", Map.of())),
                scheme.authenticate(basic("u:pw"), TestContext.tls(new PasswordStore(Map.of()))));
    }

    @Test
    void passwordHandedToStoresIsWipedAfterwards() {
        scheme.authenticate(basic("u:pw"), tls);
        scheme.authenticate(basic("x:secret"), tls);
        assertEquals(2, store.handed.size());
        assertArrayEquals(new char[2], store.handed.get(0));
        assertArrayEquals(new char[6], store.handed.get(1));
    }

    @Test
    void malformedCredentialsAreRejectedWithWhatIsWrong() {
        assertEquals(new AuthResult.Rejected("no Basic credentials"),
                scheme.authenticate(Authorization.parse("Basic realm=\"x\""), tls));
        assertEquals(new AuthResult.Rejected("Basic credentials are not base64"),
                scheme.authenticate(Authorization.parse("Basic ***"), tls));
        assertEquals(new AuthResult.Rejected("Basic credentials have no colon"),
                scheme.authenticate(basic("upw"), tls));
    }

    @Test
    void realmWithControlCharactersIsRefused() {
        assertEquals("realm must not contain control characters", assertThrows(IllegalArgumentException.class,
                () -> scheme(Map.of("realm", "a\r\nb"))).getMessage());
    }

    private static BasicAuthScheme scheme(Map<String, Object> config) {
        return new BasicAuthScheme(Configs.of(BasicConfig.class, config));
    }

    private static Authorization basic(String userColonPassword) {
        return Authorization.of("Basic", "", base64(userColonPassword));
    }

    private static AuthResult ok(String user) {
        return new AuthResult.Authenticated(new UserPrincipal(user));
    }
}
