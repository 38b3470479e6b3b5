package io.tributary.engine.auth;

import io.tributary.api.auth.AuthContext;
import io.tributary.api.auth.CredentialStore;
import java.net.InetSocketAddress;

/** The engine's {@link AuthContext}: one request as schemes see it. */
record RequestAuthContext(String method, String uri, InetSocketAddress remoteAddress, InetSocketAddress localAddress,
                          boolean secure, String protocol, CredentialStore credentials) implements AuthContext {
}
