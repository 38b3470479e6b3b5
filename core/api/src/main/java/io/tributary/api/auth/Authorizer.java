package io.tributary.api.auth;

import org.osgi.annotation.versioning.ConsumerType;

/** Decides what an authenticated (or anonymous) user may do on a path. */
@ConsumerType
public interface Authorizer {
    /**
     * @param user null for an anonymous request
     * @param path request path, starting with {@code /}
     */
    boolean permits(UserPrincipal user, Permission permission, String path);
}
