package io.tributary.auth.basic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.auth.AuthResult;
import io.tributary.api.testing.Configs;
import io.tributary.rtsp.header.Authorization;
import io.tributary.rtsp.message.RtspException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Whatever a client sends, the scheme answers without throwing, and lets nobody in without the password. */
class BasicAuthSchemeFuzzTest {
    /** A password the fuzzer will not find: only an authorizer may accept other users. */
    private static final PasswordStore STORE = new PasswordStore(Map.of("u", "correct horse battery staple"));
    private static final BasicAuthScheme SCHEME = new BasicAuthScheme(Configs.of(BasicConfig.class, Map.of()));

    @FuzzTest(maxDuration = "1m")
    void arbitraryAuthorizationNeverAuthenticates(byte[] input) {
        Authorization credentials;
        try {
            credentials = Authorization.parse(new String(input, StandardCharsets.UTF_8));
        } catch (RtspException malformed) {
            assertEquals(400, malformed.status().code());
            return;
        }
        assertInstanceOf(AuthResult.Rejected.class, SCHEME.authenticate(credentials, TestContext.plain(STORE)));
        AuthResult result = SCHEME.authenticate(credentials, TestContext.tls(STORE));
        assertFalse(result instanceof AuthResult.Authenticated, result::toString);
        if (result instanceof AuthResult.Unverified unverified) {
            assertFalse(unverified.credentials().user().equals("u"), "a known user must be checked by its store");
        }
        STORE.handed.clear();
    }
}
