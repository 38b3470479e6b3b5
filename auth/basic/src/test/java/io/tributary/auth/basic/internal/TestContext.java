package io.tributary.auth.basic.internal;

import io.tributary.api.auth.AuthContext;
import io.tributary.api.auth.CredentialStore;
import java.net.InetSocketAddress;

/** A request from 127.0.0.1, over TLS or not, with the given credential stores. */
record TestContext(boolean secure, CredentialStore credentials) implements AuthContext {
    static TestContext tls(CredentialStore credentials) {
        return new TestContext(true, credentials);
    }

    static TestContext plain(CredentialStore credentials) {
        return new TestContext(false, credentials);
    }

    @Override
    public String method() {
        return "DESCRIBE";
    }

    @Override
    public String uri() {
        return "rtsps://127.0.0.1:8322/p";
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 40000);
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 8322);
    }

    @Override
    public String protocol() {
        return secure ? "rtsps" : "rtsp";
    }
}
