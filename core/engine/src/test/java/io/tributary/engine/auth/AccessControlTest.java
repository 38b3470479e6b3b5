package io.tributary.engine.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.AuthContext;
import io.tributary.api.auth.AuthResult;
import io.tributary.api.auth.AuthScheme;
import io.tributary.api.auth.Authorizer;
import io.tributary.api.auth.Decision;
import io.tributary.api.auth.Permission;
import io.tributary.api.auth.PresentedCredentials;
import io.tributary.api.auth.UserPrincipal;
import io.tributary.engine.path.Whiteboard;
import io.tributary.rtsp.header.Authorization;
import io.tributary.rtsp.header.Challenge;
import io.tributary.rtsp.message.RtspException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessControlTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("10.0.0.7", 40000);
    private static final InetSocketAddress SERVER = new InetSocketAddress("10.0.0.1", 8554);

    private final Whiteboard<AuthScheme> schemes = new Whiteboard<>();
    private final Whiteboard<Authorizer> authorizers = new Whiteboard<>();
    private final LoginFailures failures = new LoginFailures(new LoginFailures.Settings(2, 4,
            Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofMinutes(10), 100));
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final CredentialStores stores = new CredentialStores(new Whiteboard<>());
    private AccessControl access = new AccessControl(schemes, authorizers, stores, failures, executor,
            new AccessControl.Limits(Duration.ofSeconds(2), 8, 4, 2));

    @AfterEach
    void stop() {
        executor.shutdownNow();
        loop.shutdownNow();
    }

    /** A scheme that answers what the test says and challenges with one parameter naming it. */
    private static final class FakeScheme implements AuthScheme {
        final String name;
        final AtomicReference<AuthResult> result = new AtomicReference<>();
        final AtomicInteger calls = new AtomicInteger();

        FakeScheme(String name, AuthResult result) {
            this.name = name;
            this.result.set(result);
        }

        @Override
        public List<Challenge> challenges(AuthContext context, boolean stale) {
            Challenge c = Challenge.of(name, "realm", "r");
            return List.of(stale ? c.with("stale", "true") : c);
        }

        @Override
        public AuthResult authenticate(Authorization credentials, AuthContext context) {
            calls.incrementAndGet();
            return result.get();
        }
    }

    private FakeScheme install(String name, int ranking, AuthResult result) {
        FakeScheme scheme = new FakeScheme(name, result);
        schemes.add(name.toUpperCase(), scheme, ranking, ranking);
        return scheme;
    }

    private void authorize(Authorizer authorizer, int ranking) {
        authorizers.add("", authorizer, ranking, ranking);
    }

    private AccessControl.Ask ask(Permission permission, String authorization) {
        return new AccessControl.Ask(permission, "/cams/a", "DESCRIBE", "rtsp://h/cams/a", authorization, CLIENT,
                SERVER, false, "rtsp", loop);
    }

    private Optional<UserPrincipal> check(AccessControl.Ask ask) throws Exception {
        try {
            return access.check(ask).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private RtspException refused(AccessControl.Ask ask) {
        return assertThrows(RtspException.class, () -> check(ask));
    }

    @Test
    void anAnonymousRequestAnAuthorizerPermitsGoesOnWithoutAUser() throws Exception {
        authorize(r -> r.anonymous() ? Decision.PERMIT : Decision.ABSTAIN, 0);
        assertEquals(Optional.empty(), check(ask(Permission.READ, null)));
    }

    @Test
    void anAnonymousRequestNobodyPermitsGets401WithEveryChallengeHighestRankingFirst() {
        install("Basic", 100, null);
        install("Digest", 200, null);
        RtspException e = refused(ask(Permission.READ, null));
        assertEquals(401, e.status().code());
        assertEquals(List.of("Digest realm=\"r\"", "Basic realm=\"r\""), e.headers().getAll("WWW-Authenticate"));
        assertEquals(0, failures.failures(CLIENT.getAddress()), "a first challenge is no failed login");
    }

    @Test
    void withNoSchemeToLogInWithAnonymousRequestsGet403() {
        assertEquals(403, refused(ask(Permission.PUBLISH, null)).status().code());
    }

    @Test
    void anAuthenticatedUserIsPermittedOrForbidden() throws Exception {
        install("Digest", 0, new AuthResult.Authenticated(new UserPrincipal("alice")));
        authorize(r -> r.user() != null && r.permission() == Permission.READ ? Decision.PERMIT : Decision.DENY, 0);
        assertEquals(Optional.of(new UserPrincipal("alice")), check(ask(Permission.READ, "Digest username=\"alice\"")));
        RtspException e = refused(ask(Permission.PUBLISH, "Digest username=\"alice\""));
        assertEquals(403, e.status().code());
        assertTrue(e.getMessage().contains("alice may not publish /cams/a"), e.getMessage());
    }

    @Test
    void wrongCredentialsGet401AndCountAsAFailedLogin() {
        install("Digest", 0, new AuthResult.Rejected("wrong digest response"));
        authorize(r -> Decision.PERMIT, 0);
        assertEquals(401, refused(ask(Permission.READ, "Digest username=\"alice\"")).status().code());
        assertEquals(1, failures.failures(CLIENT.getAddress()));
    }

    @Test
    void anExpiredNonceGetsAStaleChallengeAndIsNoFailure() {
        install("Digest", 0, new AuthResult.Stale());
        RtspException e = refused(ask(Permission.READ, "Digest username=\"alice\""));
        assertEquals(401, e.status().code());
        assertEquals(List.of("Digest realm=\"r\", stale=true"), e.headers().getAll("WWW-Authenticate"));
        assertEquals(0, failures.failures(CLIENT.getAddress()));
    }

    @Test
    void credentialsNoStoreKnowsAreForAnAuthorizerToAccept() throws Exception {
        install("Basic", 0, new AuthResult.Unverified(new PresentedCredentials("Basic", "bob", "pw", Map.of())));
        AtomicReference<AccessRequest> seen = new AtomicReference<>();
        authorize(r -> {
            seen.set(r);
            return "pw".equals(r.presented().password()) ? Decision.PERMIT : Decision.DENY;
        }, 0);
        assertEquals(Optional.of(new UserPrincipal("bob")), check(ask(Permission.READ, "Basic Ym9iOnB3")));
        assertEquals(null, seen.get().user());
        assertEquals("bob", seen.get().presented().user());

        install("Basic", 1, new AuthResult.Unverified(new PresentedCredentials("Basic", "bob", "no", Map.of())));
        assertEquals(401, refused(ask(Permission.READ, "Basic Ym9iOm5v")).status().code());
        assertEquals(1, failures.failures(CLIENT.getAddress()), "refused unchecked credentials are a failed login");
    }

    @Test
    void aSchemeThatIsNotInstalledIsChallengedAgainWithoutCountingAFailure() {
        install("Digest", 0, null);
        RtspException e = refused(ask(Permission.READ, "Basic YTpi"));
        assertEquals(401, e.status().code());
        assertEquals(0, failures.failures(CLIENT.getAddress()));
    }

    @Test
    void malformedCredentialsAre400() {
        install("Digest", 0, null);
        assertEquals(400, refused(ask(Permission.READ, "Digest a=b, Basic c")).status().code());
    }

    @Test
    void theFirstAuthorizerThatDoesNotAbstainDecides() throws Exception {
        authorize(r -> Decision.ABSTAIN, 300);
        authorize(r -> Decision.PERMIT, 200);
        authorize(r -> Decision.DENY, 100);
        assertEquals(Optional.empty(), check(ask(Permission.READ, null)));
    }

    @Test
    void aBlockedAddressIsRefusedWithoutAskingAnyScheme() {
        FakeScheme scheme = install("Digest", 0, new AuthResult.Rejected("wrong"));
        authorize(r -> Decision.PERMIT, 0);
        for (int i = 0; i < 4; i++) {
            refused(ask(Permission.READ, "Digest username=\"alice\""));
        }
        int calls = scheme.calls.get();
        RtspException e = refused(ask(Permission.READ, "Digest username=\"alice\""));
        assertEquals(403, e.status().code());
        assertTrue(e.getMessage().startsWith("too many failed logins"), e.getMessage());
        assertEquals(calls, scheme.calls.get());
    }

    @Test
    void answersToAnAddressWithFailedLoginsComeLateRightOrWrong() throws Exception {
        // slowed after 1 failure: 250 ms, doubling; three failures make it a second
        access = new AccessControl(schemes, authorizers, stores, new LoginFailures(new LoginFailures.Settings(1, 100,
                Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(10), 100)), executor,
                new AccessControl.Limits(Duration.ofSeconds(10), 8, 4, 2));
        FakeScheme scheme = install("Digest", 0, new AuthResult.Rejected("wrong"));
        authorize(r -> Decision.PERMIT, 0);
        for (int i = 0; i < 3; i++) {
            refused(ask(Permission.READ, "Digest username=\"alice\""));
        }
        scheme.result.set(new AuthResult.Authenticated(new UserPrincipal("alice")));
        long start = System.nanoTime();
        check(ask(Permission.READ, "Digest username=\"alice\""));
        long credentialed = System.nanoTime() - start;
        assertTrue(credentialed >= TimeUnit.MILLISECONDS.toNanos(900), "a right answer is delayed too: " + credentialed);
        start = System.nanoTime();
        check(ask(Permission.READ, null));
        assertTrue(System.nanoTime() - start < credentialed / 2, "a request without credentials is not delayed");
    }

    @Test
    void aSlowAuthorizerTimesOutWith503AndDoesNotHoldUpOthers() throws Exception {
        access = new AccessControl(schemes, authorizers, stores, failures, executor,
                new AccessControl.Limits(Duration.ofSeconds(2), 8, 4, 2));
        CountDownLatch release = new CountDownLatch(1);
        authorize(r -> {
            if (r.path().equals("/slow")) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Decision.PERMIT;
        }, 0);
        CompletableFuture<Optional<UserPrincipal>> slow = access.check(new AccessControl.Ask(Permission.READ, "/slow",
                "DESCRIBE", "/slow", null, CLIENT, SERVER, false, "rtsp", loop));
        assertEquals(Optional.empty(), check(ask(Permission.READ, null)));
        assertFalse(slow.isDone(), "another request was answered while the slow one still waits");
        ExecutionException e = assertThrows(ExecutionException.class, () -> slow.get(5, TimeUnit.SECONDS));
        assertEquals(503, assertInstanceOf(RtspException.class, e.getCause()).status().code());
        release.countDown();
    }

    @Test
    void aBurstFromOneAddressWaitsForItsTurnAndOnlyTooLongAQueueGets503() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        authorize(r -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return Decision.PERMIT;
        }, 0);
        List<CompletableFuture<Optional<UserPrincipal>>> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(access.check(ask(Permission.READ, null)));
        }
        // 4 run (the per-address limit), 2 wait (the queue's bound): a seventh is refused
        assertEquals(503, refused(ask(Permission.READ, null)).status().code());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (running.get() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(4, running.get(), "the first 4 run at once");
        release.countDown();
        for (CompletableFuture<Optional<UserPrincipal>> request : burst) {
            assertEquals(Optional.empty(), request.get(5, TimeUnit.SECONDS), "a waiting request was served");
        }
        assertEquals(4, most.get(), "never more than 4 at once for one address");
    }
}
