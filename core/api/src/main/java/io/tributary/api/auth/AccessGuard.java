package io.tributary.api.auth;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Logins for front ends other than RTSP (the web console, REST): the same credential stores,
 * authorizers and failed-login limits as RTSP requests, so that one set of users and
 * permissions governs everything. Registered by the engine bundle.
 */
@ProviderType
public interface AccessGuard {
    /**
     * Checks a user name and password (as HTTP Basic carries them) and then the permission on
     * the path. May block (a slow hash, a remote authorizer): do not call it on an event loop.
     *
     * @param user     the user name, or null for an anonymous request (the password is then ignored)
     * @param password the password; the caller clears it afterwards
     * @param protocol {@code http} or {@code https}
     * @return the user (empty for a permitted anonymous request) when permitted
     * @throws AccessDeniedException when the credentials are wrong, the permission is missing or the
     *                               address is blocked after too many failed logins
     */
    Optional<UserPrincipal> login(String user, char[] password, Permission permission, String path,
                                  InetSocketAddress remote, String protocol, boolean secure) throws AccessDeniedException;
}
