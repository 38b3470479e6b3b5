package io.tributary.engine.auth;

import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.AuthResult;
import io.tributary.api.auth.AuthScheme;
import io.tributary.api.auth.Authorizer;
import io.tributary.api.auth.CredentialStore;
import io.tributary.api.auth.Decision;
import io.tributary.api.auth.Permission;
import io.tributary.api.auth.PresentedCredentials;
import io.tributary.api.auth.UserPrincipal;
import io.tributary.engine.path.Whiteboard;
import io.tributary.rtsp.header.Authorization;
import io.tributary.rtsp.header.Challenge;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication and authorization stage of request dispatch (gst-rtsp-server's
 * {@code rtsp-auth}: authenticate, then check a named permission). Runs off the event loops
 * on its own bounded executor with a timeout, because schemes may hash slowly and
 * authorizers may ask remote services; requests that need no permission never come here.
 *
 * <p>Outcomes: the user (empty for anonymous) when permitted; 401 with every installed
 * scheme's challenges when credentials are missing, wrong or expired; 403 when the user is
 * known but not allowed, or the address is blocked after failed logins; 503 when the
 * authentication backends are overloaded or too slow.
 */
public final class AccessControl {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

    /**
     * @param timeout       how long authentication and authorization may take per request,
     *                      waiting for its turn included
     * @param maxInProgress authentications running at once, server-wide
     * @param maxPerAddress authentications running at once for one client address (more wait)
     * @param maxWaiting    authentications waiting for their turn, server-wide (more get 503)
     */
    public record Limits(Duration timeout, int maxInProgress, int maxPerAddress, int maxWaiting) {
    }

    /**
     * What a request asks for.
     *
     * @param permission the permission needed
     * @param path       the path it acts on
     * @param method     the RTSP method
     * @param uri        the request URI as sent
     * @param authorization the {@code Authorization} header, or null
     * @param remote     the client's address
     * @param local      the server address it connected to
     * @param secure     whether the connection is encrypted
     * @param protocol   {@code rtsp} or {@code rtsps}
     * @param loop       where delayed answers are scheduled (the connection's event loop)
     */
    public record Ask(Permission permission, String path, String method, String uri, String authorization,
                      InetSocketAddress remote, InetSocketAddress local, boolean secure, String protocol,
                      java.util.concurrent.ScheduledExecutorService loop) {
    }

    private final Whiteboard<AuthScheme> schemes;
    private final Whiteboard<Authorizer> authorizers;
    private final CredentialStore credentials;
    private final LoginFailures failures;
    private final Limits limits;
    private final AuthScheduler scheduler;

    public AccessControl(Whiteboard<AuthScheme> schemes, Whiteboard<Authorizer> authorizers,
                         CredentialStore credentials, LoginFailures failures, Executor executor, Limits limits) {
        this.schemes = schemes;
        this.authorizers = authorizers;
        this.credentials = credentials;
        this.failures = failures;
        this.limits = limits;
        this.scheduler = new AuthScheduler(executor, limits.maxInProgress(), limits.maxPerAddress(), limits.maxWaiting());
    }

    /** The user the request is permitted for (empty: anonymous); fails with an {@link RtspException}. */
    public CompletableFuture<Optional<UserPrincipal>> check(Ask ask) {
        InetAddress address = ask.remote().getAddress();
        long blocked = failures.blockedNanos(address);
        if (blocked > 0) {
            return CompletableFuture.failedFuture(new RtspException(RtspStatus.FORBIDDEN,
                    "too many failed logins from this address; try again in "
                            + Math.max(1, TimeUnit.NANOSECONDS.toSeconds(blocked)) + " s"));
        }
        // decided before the attempt: a guesser cannot learn the outcome early by timing
        long delay = ask.authorization() == null ? 0 : failures.delayMillis(address);
        CompletableFuture<Optional<UserPrincipal>> decided = new CompletableFuture<>();
        AuthScheduler.Task task = new AuthScheduler.Task(() -> {
            try {
                decided.complete(decide(ask));
            } catch (RuntimeException e) {
                decided.completeExceptionally(e);
            }
        }, decided::isDone);
        boolean accepted;
        try {
            accepted = scheduler.submit(address, task);
        } catch (RuntimeException rejected) {
            accepted = false;
        }
        if (!accepted) {
            return CompletableFuture.failedFuture(new RtspException(RtspStatus.SERVICE_UNAVAILABLE,
                    "too many requests are being authenticated; retry later"));
        }
        CompletableFuture<Optional<UserPrincipal>> bounded = decided
                .orTimeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(timeoutAsUnavailable(error, ask)));
        return delay <= 0 ? bounded : delayed(bounded, delay, ask);
    }

    private Optional<UserPrincipal> decide(Ask ask) {
        RequestAuthContext context = new RequestAuthContext(ask.method(), ask.uri(), ask.remote(), ask.local(),
                ask.secure(), ask.protocol(), credentials);
        UserPrincipal user = null;
        PresentedCredentials presented = null;
        String claimed = null;
        if (ask.authorization() != null) {
            Authorization credentials = Authorization.parse(ask.authorization());
            claimed = credentials.param("username");
            Optional<AuthScheme> scheme = schemes.get(credentials.scheme().toUpperCase(Locale.ROOT));
            if (scheme.isEmpty()) {
                // not a guess: e.g. a scheme bundle was removed while its clients stay connected
                throw unauthorized(context, false, credentials.scheme() + " authentication is not offered");
            }
            switch (scheme.get().authenticate(credentials, context)) {
                case AuthResult.Authenticated a -> user = a.user();
                case AuthResult.Unverified u -> presented = u.credentials();
                case AuthResult.Stale s -> throw unauthorized(context, true, "the nonce has expired");
                case AuthResult.Rejected r -> {
                    failures.failed(ask.remote().getAddress(), claimed);
                    LOG.debug("{} {} from {}: {} credentials rejected: {}", ask.method(), ask.path(),
                            ask.remote(), credentials.scheme(), r.reason());
                    throw unauthorized(context, false, "wrong credentials");
                }
            }
        }
        AccessRequest access = new AccessRequest(ask.permission(), ask.path(), user, presented, ask.remote(),
                ask.protocol(), ask.secure(), ask.method());
        if (Authorizers.decide(authorizers.all(), access) == Decision.PERMIT) {
            return Optional.ofNullable(user != null ? user : presented != null ? new UserPrincipal(presented.user()) : null);
        }
        if (presented != null) {
            failures.failed(ask.remote().getAddress(), presented.user());
            throw unauthorized(context, false, "wrong credentials");
        }
        if (user != null) {
            throw new RtspException(RtspStatus.FORBIDDEN, user.name() + " may not "
                    + ask.permission().name().toLowerCase(Locale.ROOT) + " " + ask.path());
        }
        List<Challenge> challenges = challenges(context, false);
        if (challenges.isEmpty()) {
            throw new RtspException(RtspStatus.FORBIDDEN, "anonymous clients may not "
                    + ask.permission().name().toLowerCase(Locale.ROOT) + " " + ask.path());
        }
        throw new RtspException(RtspStatus.UNAUTHORIZED, "authentication required", headers(challenges));
    }

    private RtspException unauthorized(RequestAuthContext context, boolean stale, String reason) {
        List<Challenge> challenges = challenges(context, stale);
        if (challenges.isEmpty()) {
            return new RtspException(RtspStatus.FORBIDDEN, reason + "; no authentication scheme is offered");
        }
        return new RtspException(RtspStatus.UNAUTHORIZED, reason, headers(challenges));
    }

    /** Every installed scheme's challenges, highest ranking first (Digest before Basic). */
    private List<Challenge> challenges(RequestAuthContext context, boolean stale) {
        return schemes.all().stream().flatMap(s -> s.challenges(context, stale).stream()).toList();
    }

    private static RtspHeaders headers(List<Challenge> challenges) {
        RtspHeaders headers = RtspHeaders.empty();
        for (Challenge challenge : challenges) {
            headers = headers.add(RtspHeaders.WWW_AUTHENTICATE, challenge.format());
        }
        return headers;
    }

    private Throwable timeoutAsUnavailable(Throwable error, Ask ask) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            LOG.warn("authenticating {} {} from {} took longer than {} ms: answered 503", ask.method(), ask.path(),
                    ask.remote(), limits.timeout().toMillis());
            return new RtspException(RtspStatus.SERVICE_UNAVAILABLE, "authentication timed out");
        }
        return cause;
    }

    private static <T> CompletableFuture<T> delayed(CompletableFuture<T> outcome, long delayMillis, Ask ask) {
        CompletableFuture<T> later = new CompletableFuture<>();
        outcome.whenComplete((value, error) -> ask.loop().schedule(() -> {
            if (error != null) {
                later.completeExceptionally(error);
            } else {
                later.complete(value);
            }
        }, delayMillis, TimeUnit.MILLISECONDS));
        return later;
    }

}
