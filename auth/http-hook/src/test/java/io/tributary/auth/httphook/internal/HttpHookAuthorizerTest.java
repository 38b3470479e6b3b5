package io.tributary.auth.httphook.internal;

import static io.tributary.auth.httphook.internal.HookServer.after;
import static io.tributary.auth.httphook.internal.HookServer.status;
import static io.tributary.auth.httphook.internal.TestConfigs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.auth.Decision;
import io.tributary.api.auth.Permission;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpHookAuthorizerTest {
    private final HookServer server = new HookServer();
    private final AtomicLong nanos = new AtomicLong();
    private final List<HttpHookAuthorizer> authorizers = new ArrayList<>();

    HttpHookAuthorizerTest() throws IOException {
    }

    @AfterEach
    void close() {
        authorizers.forEach(HttpHookAuthorizer::close);
        server.close();
    }

    private HttpHookAuthorizer authorizer(Object... keysAndValues) {
        Object[] withUrl = new Object[keysAndValues.length + 2];
        withUrl[0] = "url";
        withUrl[1] = server.url("/auth?site=1");
        System.arraycopy(keysAndValues, 0, withUrl, 2, keysAndValues.length);
        HttpHookAuthorizer authorizer = new HttpHookAuthorizer(settings(withUrl), nanos::get);
        authorizers.add(authorizer);
        return authorizer;
    }

    @Test
    void theRequestIsPostedAsJsonToTheConfiguredUrl() {
        authorizer().authorize(Requests.digest("carol", Requests.digestParameters()));
        HookServer.Received received = server.received().getFirst();
        assertEquals("POST", received.method());
        assertEquals("/auth?site=1", received.uri());
        assertEquals("application/json", received.contentType());
        assertNull(received.authorization());
        Map<String, Object> json = JsonObjects.parse(received.body());
        assertEquals("carol", json.get("user"));
        assertEquals(Requests.digestParameters(), json.get("digest"));
        assertEquals(false, json.get("verified"));
        assertEquals("read", json.get("action"));
        assertEquals("/cam1", json.get("path"));
        assertEquals("10.0.0.7", json.get("ip"));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 204})
    void aSuccessPermits(int status) {
        server.answer(status(status));
        assertEquals(Decision.PERMIT, authorizer().authorize(Requests.basic("bob", Requests.PASSWORD)));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 429})
    void aClientErrorDenies(int status) {
        server.answer(status(status));
        assertEquals(Decision.DENY, authorizer("onError", "abstain").authorize(Requests.anonymous("/cam1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deny", "abstain"})
    void aServerErrorGetsTheOnErrorAnswer(String onError) {
        server.answer(status(500));
        assertEquals(expected(onError), authorizer("onError", onError).authorize(Requests.anonymous("/cam1")));
        server.answer(status(503));
        assertEquals(expected(onError), authorizer("onError", onError).authorize(Requests.anonymous("/cam2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deny", "abstain"})
    void aServiceTooSlowToAnswerGetsTheOnErrorAnswerInTime(String onError) {
        server.answer(after(10_000, 200));
        HttpHookAuthorizer authorizer = authorizer("onError", onError, "timeoutMillis", 300L);
        long start = System.nanoTime();
        assertEquals(expected(onError), authorizer.authorize(Requests.anonymous("/cam1")));
        assertReturnedWithin(start, Duration.ofMillis(300 + 2000));
    }

    @Test
    void anAnswerWhoseBodyStallsIsNoAnswerAndTheCallStillEndsInTime() {
        server.answer(HookServer.stallingBody(10_000));
        HttpHookAuthorizer authorizer = authorizer("timeoutMillis", 300L, "onError", "abstain");
        long start = System.nanoTime();
        assertEquals(Decision.ABSTAIN, authorizer.authorize(Requests.anonymous("/cam1")));
        assertReturnedWithin(start, Duration.ofMillis(300 + 2000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"deny", "abstain"})
    void anUnreachableServiceGetsTheOnErrorAnswer(String onError) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpHookAuthorizer authorizer = new HttpHookAuthorizer(
                settings("url", "http://127.0.0.1:" + closedPort + "/auth", "onError", onError), nanos::get);
        authorizers.add(authorizer);
        assertEquals(expected(onError), authorizer.authorize(Requests.anonymous("/cam1")));
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsNoAnswer() {
        server.answer(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/auth")) {
                exchange.getResponseHeaders().set("Location", "/elsewhere");
                exchange.sendResponseHeaders(307, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
        });
        assertEquals(Decision.ABSTAIN, authorizer("onError", "abstain").authorize(Requests.anonymous("/cam1")));
        assertEquals(1, server.received().size(), "only the configured URL was asked");
    }

    @Test
    void anAnswerIsKeptSoTheSameRequestIsNotPostedAgainUntilItExpires() {
        HttpHookAuthorizer authorizer = authorizer("cacheSeconds", 30);
        assertEquals(Decision.PERMIT, authorizer.authorize(Requests.basic("bob", Requests.PASSWORD)));
        server.answer(status(403));
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertEquals(Decision.PERMIT, authorizer.authorize(Requests.basic("bob", Requests.PASSWORD)));
        assertEquals(1, server.received().size());

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(Decision.DENY, authorizer.authorize(Requests.basic("bob", Requests.PASSWORD)));
        assertEquals(2, server.received().size());
    }

    @Test
    void aDenialIsKeptToo() {
        server.answer(status(401));
        HttpHookAuthorizer authorizer = authorizer();
        assertEquals(Decision.DENY, authorizer.authorize(Requests.anonymous("/cam1")));
        assertEquals(Decision.DENY, authorizer.authorize(Requests.anonymous("/cam1")));
        assertEquals(1, server.received().size());
    }

    @Test
    void anotherPasswordOrPathIsAskedAboutSeparately() {
        HttpHookAuthorizer authorizer = authorizer();
        authorizer.authorize(Requests.basic("bob", Requests.PASSWORD));
        authorizer.authorize(Requests.basic("bob", "guess"));
        authorizer.authorize(Requests.anonymous("/cam1"));
        authorizer.authorize(Requests.anonymous("/cam2"));
        authorizer.authorize(Requests.authenticated("bob", Permission.READ));
        assertEquals(5, server.received().size());
        assertEquals(5, authorizer.kept());
    }

    @Test
    void failuresAreNotKeptSoTheNextRequestAsksAgain() {
        server.answer(status(500));
        HttpHookAuthorizer authorizer = authorizer();
        assertEquals(Decision.DENY, authorizer.authorize(Requests.basic("bob", Requests.PASSWORD)));
        assertEquals(0, authorizer.kept());
        server.answer(status(200));
        assertEquals(Decision.PERMIT, authorizer.authorize(Requests.basic("bob", Requests.PASSWORD)));
        assertEquals(2, server.received().size());
    }

    @Test
    void withoutCacheEveryRequestIsPosted() {
        HttpHookAuthorizer authorizer = authorizer("cacheSeconds", 0);
        for (int i = 0; i < 3; i++) {
            authorizer.authorize(Requests.anonymous("/cam1"));
        }
        assertEquals(3, server.received().size());
    }

    @Test
    void theCacheHoldsNoMoreThanItsSize() {
        HttpHookAuthorizer authorizer = authorizer("cacheSize", 3);
        for (int i = 0; i < 20; i++) {
            authorizer.authorize(Requests.anonymous("/cam" + i));
        }
        assertTrue(authorizer.kept() <= 3, "kept " + authorizer.kept());
    }

    @Test
    void userInfoInTheUrlReachesTheServiceAsBasicCredentials() {
        HttpHookAuthorizer authorizer = new HttpHookAuthorizer(
                settings("url", server.url("/auth").replace("http://", "http://tributary:hook%20pw@")), nanos::get);
        authorizers.add(authorizer);
        authorizer.authorize(Requests.anonymous("/cam1"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("tributary:hook pw".getBytes(StandardCharsets.UTF_8)),
                server.received().getFirst().authorization());
        assertEquals("/auth", server.received().getFirst().uri());
    }

    private static Decision expected(String onError) {
        return onError.equals("deny") ? Decision.DENY : Decision.ABSTAIN;
    }

    private static void assertReturnedWithin(long startNanos, Duration bound) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(bound) < 0, "took " + took);
    }
}
