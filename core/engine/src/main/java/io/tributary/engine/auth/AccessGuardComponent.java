package io.tributary.engine.auth;

import io.tributary.api.auth.AccessDeniedException;
import io.tributary.api.auth.AccessGuard;
import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.Authorizer;
import io.tributary.api.auth.CredentialStore;
import io.tributary.api.auth.Decision;
import io.tributary.api.auth.Permission;
import io.tributary.api.auth.PresentedCredentials;
import io.tributary.api.auth.UserPrincipal;
import io.tributary.engine.path.Whiteboard;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Logins for the web console and other HTTP front ends, on the same credential stores and
 * authorizers as RTSP. A component of its own, not part of the RTSP server's: the console
 * must let an operator in to fix the server's configuration when the server cannot start.
 */
@Component(service = AccessGuard.class)
public final class AccessGuardComponent implements AccessGuard {
    private final Whiteboard<CredentialStore> stores = new Whiteboard<>();
    private final Whiteboard<Authorizer> authorizers = new Whiteboard<>();
    private final LoginFailures failures;

    public AccessGuardComponent() {
        this(new LoginFailures(new LoginFailures.Settings(5, 20, Duration.ofSeconds(4), Duration.ofMinutes(5),
                Duration.ofMinutes(15), 10_000)));
    }

    AccessGuardComponent(LoginFailures failures) {
        this.failures = failures;
    }

    @Override
    public Optional<UserPrincipal> login(String user, char[] password, Permission permission, String path,
                                         InetSocketAddress remote, String protocol, boolean secure)
            throws AccessDeniedException {
        long blocked = failures.blockedNanos(remote.getAddress());
        if (blocked > 0) {
            throw new AccessDeniedException("too many failed logins from this address; try again in "
                    + Math.max(1, TimeUnit.NANOSECONDS.toSeconds(blocked)) + " s", false);
        }
        UserPrincipal known = null;
        PresentedCredentials presented = null;
        if (user != null) {
            holdBack(remote);
            switch (new CredentialStores(stores).checkPassword(user, password)) {
                case VALID -> known = new UserPrincipal(user);
                case INVALID -> {
                    failures.failed(remote.getAddress(), user);
                    throw new AccessDeniedException("wrong user name or password", true);
                }
                case UNKNOWN_USER -> presented = new PresentedCredentials("Basic", user, new String(password), Map.of());
            }
        }
        AccessRequest request = new AccessRequest(permission, path, known, presented, remote, protocol, secure,
                "LOGIN");
        if (Authorizers.decide(authorizers.all(), request) == Decision.PERMIT) {
            return Optional.ofNullable(known != null ? known : presented != null ? new UserPrincipal(user) : null);
        }
        if (presented != null) {
            failures.failed(remote.getAddress(), user);
            throw new AccessDeniedException("wrong user name or password", true);
        }
        if (known != null) {
            throw new AccessDeniedException(user + " may not " + permission.name().toLowerCase(Locale.ROOT) + " "
                    + path, false);
        }
        throw new AccessDeniedException("log in", true);
    }

    /** Answers to an address with failed logins come late, right or wrong (a guesser learns nothing early). */
    private void holdBack(InetSocketAddress remote) throws AccessDeniedException {
        long delay = failures.delayMillis(remote.getAddress());
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AccessDeniedException("interrupted", false);
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindStore(CredentialStore store, Map<String, Object> properties) {
        stores.add("", store, Whiteboard.ranking(properties), Whiteboard.serviceId(properties));
    }

    void unbindStore(CredentialStore store) {
        stores.remove("", store);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindAuthorizer(Authorizer authorizer, Map<String, Object> properties) {
        authorizers.add("", authorizer, Whiteboard.ranking(properties), Whiteboard.serviceId(properties));
    }

    void unbindAuthorizer(Authorizer authorizer) {
        authorizers.remove("", authorizer);
    }
}
