package io.tributary.api.auth;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What a request wants to do, and who asks.
 *
 * @param permission the action: {@link Permission#READ}, {@link Permission#PUBLISH} or {@link Permission#ADMIN}
 * @param path       the path it acts on, starting with {@code /}
 * @param user       the authenticated user, or null (anonymous, or credentials not checked yet)
 * @param presented  credentials the server could not check itself ({@link AuthResult.Unverified}),
 *                   or null; an authorizer that checks them may {@link Decision#PERMIT} the request
 *                   as that user
 * @param remote     the client's address
 * @param protocol   {@code rtsp}, {@code rtsps}, {@code http} (console)…
 * @param secure     {@code true} when the connection is encrypted
 * @param method     the RTSP method (or HTTP method), for logs and hooks
 */
public record AccessRequest(Permission permission, String path, UserPrincipal user, PresentedCredentials presented,
                            InetSocketAddress remote, String protocol, boolean secure, String method) {
    public AccessRequest {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(method, "method");
        if (user != null && presented != null) {
            throw new IllegalArgumentException("a request is either authenticated or presents unchecked credentials");
        }
    }

    /** {@code true} when nobody is named: neither an authenticated user nor presented credentials. */
    public boolean anonymous() {
        return user == null && presented == null;
    }
}
