package io.tributary.auth.digest.internal;

import io.tributary.api.auth.AuthContext;
import io.tributary.api.auth.CredentialStore;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A request as a scheme sees it, from a client on 127.0.0.1 unless said otherwise, with user
 * "u" (password "pw", realm Tributary) in the credential stores unless said otherwise.
 */
record TestContext(String method, String uri, InetSocketAddress remoteAddress, boolean secure,
                   CredentialStore credentials) implements AuthContext {
    static final CredentialStore USER_U = new PasswordStore("Tributary", Map.of("u", "pw"));

    static TestContext of(String method, String uri) {
        return new TestContext(method, uri, new InetSocketAddress("127.0.0.1", 40000), false, USER_U);
    }

    TestContext from(String ip) {
        return new TestContext(method, uri, new InetSocketAddress(ip, 40000), secure, credentials);
    }

    TestContext with(String method, String uri) {
        return new TestContext(method, uri, remoteAddress, secure, credentials);
    }

    TestContext withStore(CredentialStore store) {
        return new TestContext(method, uri, remoteAddress, secure, store);
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 8554);
    }

    @Override
    public String protocol() {
        return secure ? "rtsps" : "rtsp";
    }
}
