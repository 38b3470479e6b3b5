package io.tributary.auth.httphook.internal;

import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.Permission;
import io.tributary.api.auth.PresentedCredentials;
import io.tributary.api.auth.UserPrincipal;
import java.net.InetSocketAddress;
import java.util.Map;

/** The kinds of request an authorizer gets, for tests. */
final class Requests {
    static final String PASSWORD = "s3cret-Pa55";
    static final String DIGEST_RESPONSE = "6629fae49393a05397450978507c4ef1";
    static final InetSocketAddress CLIENT = new InetSocketAddress("10.0.0.7", 50123);

    private Requests() {
    }

    static AccessRequest anonymous(String path) {
        return new AccessRequest(Permission.READ, path, null, null, CLIENT, "rtsp", false, "DESCRIBE");
    }

    static AccessRequest authenticated(String user, Permission permission) {
        return new AccessRequest(permission, "/cam1", new UserPrincipal(user), null, CLIENT, "rtsps", true, "ANNOUNCE");
    }

    static AccessRequest basic(String user, String password) {
        return new AccessRequest(Permission.READ, "/cam1", null,
                new PresentedCredentials("Basic", user, password, Map.of()), CLIENT, "rtsps", true, "DESCRIBE");
    }

    static Map<String, String> digestParameters() {
        return Map.of("realm", "tributary", "nonce", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "uri", "rtsp://cam/cam1",
                "response", DIGEST_RESPONSE, "algorithm", "MD5", "qop", "auth", "nc", "00000001",
                "cnonce", "0a4f113b", "method", "DESCRIBE");
    }

    static AccessRequest digest(String user, Map<String, String> parameters) {
        return new AccessRequest(Permission.READ, "/cam1", null,
                new PresentedCredentials("Digest", user, null, parameters), CLIENT, "rtsp", false, "DESCRIBE");
    }
}
