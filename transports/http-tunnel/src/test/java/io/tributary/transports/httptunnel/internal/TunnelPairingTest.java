package io.tributary.transports.httptunnel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * How GETs and POSTs become tunnels, with the engine's side faked: joined by cookie and client
 * address, one POST at a time, POSTs reopened, deadlines, limits, and the end of a tunnel.
 */
class TunnelPairingTest {
    private static final String COOKIE = "PPwTZeVfAAAul3YACIAAAA";
    private static final String CLIENT = "192.0.2.10";
    private static final String OTHER_CLIENT = "192.0.2.99";
    private static final Duration PAIRING = Duration.ofSeconds(10);
    private static final String OPTIONS = "OPTIONS rtsp://example.com/demo RTSP/1.0\r\nCSeq: 1\r\n\r\n";
    private static final String DESCRIBE = "DESCRIBE rtsp://example.com/demo RTSP/1.0\r\nCSeq: 2\r\n\r\n";

    private final FakeLoop loop = new FakeLoop();
    private TunnelSettings settings = new TunnelSettings(0, true, PAIRING, 10000, 100);
    private Tunnels tunnels = new Tunnels(settings);

    private static String get(String cookie) {
        return "GET /demo HTTP/1.0\r\nUser-Agent: QuickTime/7.1.3\r\nx-sessioncookie: " + cookie
                + "\r\nAccept: application/x-rtsp-tunnelled\r\nPragma: no-cache\r\nCache-Control: no-cache\r\n\r\n";
    }

    private static String post(String cookie) {
        return "POST /demo HTTP/1.0\r\nUser-Agent: QuickTime/7.1.3\r\nx-sessioncookie: " + cookie
                + "\r\nContent-Type: application/x-rtsp-tunnelled\r\nPragma: no-cache\r\nCache-Control: no-cache"
                + "\r\nContent-Length: 32767\r\nExpires: Sun, 9 Jan 1972 00:00:00 GMT\r\n\r\n";
    }

    private static String base64(String request) {
        return Base64.getEncoder().encodeToString(request.getBytes(StandardCharsets.US_ASCII));
    }

    private FakeConnection connect(String client) {
        return connect(client, false);
    }

    private FakeConnection connect(String client, boolean secure) {
        return FakeConnection.open(loop, client, secure, new TunnelConnection(tunnels, settings));
    }

    private FakeConnection openGet() {
        FakeConnection get = connect(CLIENT).send(get(COOKIE));
        assertTrue(get.written().startsWith("HTTP/1.0 200 OK\r\n"), get.written());
        return get;
    }

    private static int status(FakeConnection connection) {
        String written = connection.written();
        return written.startsWith("HTTP/1.0 ") ? Integer.parseInt(written.substring(9, 12)) : -1;
    }

    @Test
    void getIsAnsweredAsQuickTimeExpectsAndCarriesRtsp() {
        FakeConnection get = connect(CLIENT).send(get(COOKIE));
        assertEquals("HTTP/1.0 200 OK\r\nServer: Tributary\r\nConnection: close\r\nCache-Control: no-store\r\n"
                + "Pragma: no-cache\r\nContent-Type: application/x-rtsp-tunnelled\r\n\r\n", get.written());
        assertTrue(get.input() != null && get.input().isOpen(), "the GET carries RTSP");
        assertFalse(get.isClosed());
    }

    @Test
    void getWithoutAcceptHeaderIsATunnelToo() {
        FakeConnection get = connect(CLIENT).send("GET /demo HTTP/1.1\nx-sessioncookie: abc\n\n");
        assertEquals(200, status(get));
    }

    @Test
    void postFeedsTheRequestsOfItsBodyToTheGetsRtspConnection() {
        FakeConnection get = openGet();
        FakeConnection post = connect(CLIENT).send(post(COOKIE));
        // each request encoded on its own, as live555 and VLC do: padding, then the next quantum
        post.send(base64(OPTIONS)).send("\r\n").send(base64(DESCRIBE));
        assertEquals(OPTIONS + DESCRIBE, get.input().fed());
        assertEquals("", post.written(), "a POST is never answered");
        assertFalse(post.isClosed());
    }

    @Test
    void bodyThatCameWithThePostsHeadIsFed() {
        FakeConnection get = openGet();
        connect(CLIENT).send(post(COOKIE) + base64(OPTIONS));
        assertEquals(OPTIONS, get.input().fed());
    }

    @Test
    void bodyTrickledOneByteAtATimeIsFedWhole() {
        FakeConnection get = openGet();
        connect(CLIENT).trickle(post(COOKIE) + base64(OPTIONS) + "\r\n" + base64(DESCRIBE));
        assertEquals(OPTIONS + DESCRIBE, get.input().fed());
    }

    @Test
    void postFromAnotherAddressIsRefusedAndTheTunnelGoesOn() {
        FakeConnection get = openGet();
        FakeConnection hijack = connect(OTHER_CLIENT).send(post(COOKIE) + base64(OPTIONS));
        assertEquals(403, status(hijack));
        assertFalse(hijack.written().contains(COOKIE), "the refusal does not echo the cookie");
        assertTrue(hijack.isClosed());
        assertEquals("", get.input().fed(), "nothing of the refused POST was fed");

        FakeConnection post = connect(CLIENT).send(post(COOKIE) + base64(OPTIONS));
        assertEquals(OPTIONS, get.input().fed());
        assertFalse(post.isClosed());
        assertFalse(get.isClosed());
    }

    @Test
    void postOverTlsDoesNotJoinAGetInTheClearNorTheOtherWayRound() {
        FakeConnection get = openGet();
        FakeConnection secure = connect(CLIENT, true).send(post(COOKIE) + base64(OPTIONS));
        assertEquals(403, status(secure));
        assertEquals("", get.input().fed());

        FakeConnection secureGet = connect(CLIENT, true).send(get("secure-cookie"));
        FakeConnection plain = connect(CLIENT, false).send(post("secure-cookie") + base64(OPTIONS));
        assertEquals(403, status(plain));
        assertEquals("", secureGet.input().fed());
    }

    @Test
    void secondPostWhileOneIsOpenIsRefusedAndTheFirstGoesOn() {
        FakeConnection get = openGet();
        FakeConnection first = connect(CLIENT).send(post(COOKIE));
        FakeConnection second = connect(CLIENT).send(post(COOKIE) + base64(DESCRIBE));
        assertFalse(second.isClosed(), "it may be a reopened POST seen before the old one's close");
        loop.advance(Tunnels.REOPEN_GRACE);
        assertEquals(403, status(second));
        assertTrue(second.isClosed());

        first.send(base64(OPTIONS));
        assertEquals(OPTIONS, get.input().fed(), "only the first POST's requests");
        FakeConnection third = connect(CLIENT).send(post(COOKIE));
        FakeConnection fourth = connect(CLIENT).send(post(COOKIE));
        assertEquals(403, status(fourth), "one POST waits for the open one at most");
        assertFalse(third.isClosed());
    }

    @Test
    void clientThatClosesItsPostAndOpensAnotherGoesOn() {
        FakeConnection get = openGet();
        FakeConnection first = connect(CLIENT).send(post(COOKIE) + base64(OPTIONS));
        first.hangUp();
        FakeConnection second = connect(CLIENT).send(post(COOKIE) + base64(DESCRIBE));
        assertEquals(OPTIONS + DESCRIBE, get.input().fed());
        assertFalse(get.isClosed());
        assertFalse(second.isClosed());
    }

    @Test
    void reopenedPostSeenBeforeTheOldOneClosedTakesOverWhenItCloses() {
        FakeConnection get = openGet();
        FakeConnection first = connect(CLIENT).send(post(COOKIE) + base64(OPTIONS));
        FakeConnection second = connect(CLIENT).send(post(COOKIE) + base64(DESCRIBE));
        assertEquals(OPTIONS, get.input().fed());
        first.hangUp();
        loop.runDue();
        assertEquals(OPTIONS + DESCRIBE, get.input().fed());
        loop.advance(PAIRING);
        assertFalse(second.isClosed());
        assertEquals("", second.written());
    }

    @Test
    void postBeforeItsGetWaitsAndIsFedOnceTheGetComes() {
        FakeConnection post = connect(CLIENT).send(post(COOKIE) + base64(OPTIONS));
        loop.advance(PAIRING.minusSeconds(1));
        assertFalse(post.isClosed());
        FakeConnection get = connect(CLIENT).send(get(COOKIE));
        assertEquals(200, status(get));
        loop.runDue();
        post.send(base64(DESCRIBE));
        assertEquals(OPTIONS + DESCRIBE, get.input().fed());
        loop.advance(PAIRING.multipliedBy(2));
        assertFalse(post.isClosed(), "the waiting POST's deadline ended with the wait");
        assertFalse(get.isClosed(), "the GET's POST came");
    }

    @Test
    void bodyTrickledWhileWaitingForTheGetIsKeptAndFed() {
        FakeConnection post = connect(CLIENT).trickle(post(COOKIE) + base64(OPTIONS) + "\r\n" + base64(DESCRIBE));
        FakeConnection get = connect(CLIENT).send(get(COOKIE));
        assertEquals("", get.input().fed(), "fed on the POST's own thread, after the GET's reply");
        loop.runDue();
        assertEquals(OPTIONS + DESCRIBE, get.input().fed());
        assertFalse(post.isClosed());
    }

    @Test
    void postWhoseGetDoesNotComeIsClosedAfterThePairingTimeout() {
        FakeConnection post = connect(CLIENT).send(post(COOKIE));
        loop.advance(PAIRING.minusMillis(1));
        assertFalse(post.isClosed());
        loop.advance(Duration.ofMillis(1));
        assertTrue(post.isClosed());
        assertEquals(0, tunnels.size(), "the cookie is forgotten");
    }

    @Test
    void secondPostBeforeTheGetIsRefused() {
        FakeConnection first = connect(CLIENT).send(post(COOKIE));
        FakeConnection second = connect(CLIENT).send(post(COOKIE));
        assertEquals(403, status(second));
        assertFalse(first.isClosed());
    }

    @Test
    void getFromAnotherClientTakesTheCookieAndThePostThatWaitedIsRefused() {
        FakeConnection early = connect(OTHER_CLIENT).send(post(COOKIE) + base64(OPTIONS));
        FakeConnection get = connect(CLIENT).send(get(COOKIE));
        assertEquals(200, status(get));
        loop.runDue();
        assertEquals(403, status(early));
        assertTrue(early.isClosed());
        assertEquals("", get.input().fed());
        connect(CLIENT).send(post(COOKIE) + base64(DESCRIBE));
        assertEquals(DESCRIBE, get.input().fed());
    }

    @Test
    void getWithoutPostIsClosedAfterThePairingTimeout() {
        FakeConnection get = openGet();
        loop.advance(PAIRING.minusMillis(1));
        assertFalse(get.isClosed());
        loop.advance(Duration.ofMillis(1));
        assertTrue(get.isClosed());
        assertEquals(0, tunnels.size());
    }

    @Test
    void getWhosePostCameStaysOpenAfterThePostCloses() {
        FakeConnection get = openGet();
        connect(CLIENT).send(post(COOKIE) + base64(OPTIONS)).hangUp();
        loop.advance(PAIRING.multipliedBy(3));
        assertFalse(get.isClosed(), "the engine's idle rules apply to it now, not the pairing timeout");
    }

    @Test
    void closingTheGetClosesItsPostsAndForgetsTheCookie() {
        FakeConnection get = openGet();
        FakeConnection post = connect(CLIENT).send(post(COOKIE));
        FakeConnection waiting = connect(CLIENT).send(post(COOKIE));
        get.hangUp();
        assertTrue(post.isClosed());
        assertTrue(waiting.isClosed());
        assertEquals(0, tunnels.size());
        assertEquals(200, status(connect(CLIENT).send(get(COOKIE))), "the cookie may be used again");
    }

    @Test
    void duplicateGetIsAConflict() {
        FakeConnection first = openGet();
        FakeConnection second = connect(CLIENT).send(get(COOKIE));
        assertEquals(409, status(second));
        assertTrue(second.isClosed());
        assertFalse(first.isClosed());
        assertFalse(second.written().contains(COOKIE));
    }

    @Test
    void invalidBase64ClosesThatPostOnly() {
        FakeConnection get = openGet();
        FakeConnection post = connect(CLIENT).send(post(COOKIE) + base64(OPTIONS) + "*not base64*");
        assertTrue(post.isClosed());
        assertEquals(OPTIONS, get.input().fed(), "what came before the bad byte was fed");
        assertFalse(get.isClosed());
        connect(CLIENT).send(post(COOKIE) + base64(DESCRIBE));
        assertEquals(OPTIONS + DESCRIBE, get.input().fed());
    }

    @Test
    void postIsClosedWhenItsRtspConnectionTakesNoMore() {
        FakeConnection get = openGet();
        get.input().capacity(OPTIONS.length());
        FakeConnection post = connect(CLIENT).send(post(COOKIE) + base64(OPTIONS));
        assertFalse(post.isClosed());
        post.send(base64(DESCRIBE));
        assertTrue(post.isClosed());
        assertFalse(get.isClosed(), "the engine decides about its own connection");
    }

    @Test
    void waitingPostThatSendsTooMuchIsClosed() {
        FakeConnection post = connect(CLIENT).send(post(COOKIE));
        post.send(new byte[TunnelConnection.MAX_WAITING_BYTES]);
        assertFalse(post.isClosed());
        post.send("A");
        assertTrue(post.isClosed());
        assertEquals(0, tunnels.size());
    }

    @Test
    void requestsThatAreNoTunnelAreRefusedWithAPreciseStatus() {
        assertEquals(400, status(connect(CLIENT).send("GET /demo HTTP/1.0\r\nAccept: */*\r\n\r\n")));
        assertEquals(400, status(connect(CLIENT).send("POST /demo HTTP/1.0\r\n\r\n")));
        assertEquals(400, status(connect(CLIENT).send(
                "GET /demo HTTP/1.0\r\nx-sessioncookie: a\r\nx-sessioncookie: b\r\n\r\n")));
        assertEquals(400, status(connect(CLIENT).send(
                "GET /demo HTTP/1.0\r\nx-sessioncookie: " + "c".repeat(TunnelConnection.MAX_COOKIE_LENGTH + 1)
                        + "\r\n\r\n")));
        FakeConnection put = connect(CLIENT).send("PUT /demo HTTP/1.0\r\nx-sessioncookie: abc\r\n\r\n");
        assertEquals(405, status(put));
        assertTrue(put.written().contains("\r\nAllow: GET, POST\r\n"), put.written());
        assertEquals(505, status(connect(CLIENT).send("GET /demo HTTP/2.0\r\nx-sessioncookie: abc\r\n\r\n")));
        FakeConnection huge = connect(CLIENT).send("GET /demo HTTP/1.0\r\nx-sessioncookie: abc\r\nX-Pad: "
                + "p".repeat(HttpHeadDecoder.MAX_HEAD_BYTES) + "\r\n\r\n");
        assertEquals(431, status(huge));
        assertTrue(huge.isClosed());
        assertEquals(0, tunnels.size());
    }

    @Test
    void refusalsCarryALineOfTextAndItsLength() {
        FakeConnection refused = connect(CLIENT).send("GET /demo HTTP/1.0\r\n\r\n");
        String written = refused.written();
        String body = written.substring(written.indexOf("\r\n\r\n") + 4);
        assertTrue(written.startsWith("HTTP/1.0 400 Bad Request\r\n"), written);
        assertTrue(written.contains("\r\nContent-Length: " + body.length() + "\r\n"), written);
        assertTrue(written.contains("\r\nConnection: close\r\n"), written);
        assertTrue(body.contains("x-sessioncookie"), body);
    }

    @Test
    void headThatDoesNotCompleteInTimeIsARequestTimeout() {
        FakeConnection slow = connect(CLIENT).send("GET /demo HTTP/1.0\r\nx-sessioncookie: ");
        loop.advance(PAIRING.minusMillis(1));
        assertFalse(slow.isClosed());
        loop.advance(Duration.ofMillis(1));
        assertEquals(408, status(slow));
        assertTrue(slow.isClosed());
    }

    @Test
    void tunnelsPerClientAndServerWideAreBounded() {
        settings = new TunnelSettings(0, true, PAIRING, 3, 2);
        tunnels = new Tunnels(settings);
        assertEquals(200, status(connect(CLIENT).send(get("a"))));
        assertEquals(200, status(connect(CLIENT).send(get("b"))));
        assertEquals(503, status(connect(CLIENT).send(get("c"))), "two per client");
        assertEquals(503, status(connect(CLIENT).send(post("d"))), "waiting POSTs count");
        FakeConnection waiting = connect(OTHER_CLIENT).send(post("e"));
        assertFalse(waiting.isClosed());
        assertEquals(503, status(connect("192.0.2.50").send(get("f"))), "three server-wide");
        waiting.hangUp();
        assertEquals(200, status(connect("192.0.2.50").send(get("f"))), "a waiting POST that left frees its place");
    }

    @Test
    void closingAllClosesEveryConnectionAndRefusesNewOnes() {
        FakeConnection get = openGet();
        FakeConnection post = connect(CLIENT).send(post(COOKIE));
        FakeConnection reading = connect(CLIENT).send("GET /de");
        FakeConnection waiting = connect(OTHER_CLIENT).send(post("other"));
        for (TunnelConnection connection : tunnels.closeAll()) {
            connection.closeFromElsewhere();
        }
        assertTrue(get.isClosed() && post.isClosed() && reading.isClosed() && waiting.isClosed());
        assertFalse(get.input().isOpen(), "the tunnelled RTSP connection ends");
        assertTrue(connect(CLIENT).isClosed(), "a connection taken while stopping is closed at once");
    }
}
