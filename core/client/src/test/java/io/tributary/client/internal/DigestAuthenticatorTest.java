package io.tributary.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.client.Credentials;
import io.tributary.rtsp.header.Challenge;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the RFCs' own examples, with their client nonces. */
class DigestAuthenticatorTest {
    private static final Credentials MUFASA = new Credentials("Mufasa", "Circle of Life");
    private static final String RFC7616_NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String RFC7616_OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private static final String RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    /** RFC 7616 §3.9.1: both challenges of the example, in the order the server sends them. */
    private static final List<String> RFC7616_CHALLENGES = List.of(
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\""
                    + RFC7616_NONCE + "\", opaque=\"" + RFC7616_OPAQUE + "\"",
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, nonce=\""
                    + RFC7616_NONCE + "\", opaque=\"" + RFC7616_OPAQUE + "\"");

    @Test
    void rfc7616Sha256Example() {
        Authenticator a = Authenticators.choose(Challenge.parseAll(RFC7616_CHALLENGES), MUFASA,
                () -> RFC7616_CNONCE);
        DigestAuthenticator digest = assertInstanceOf(DigestAuthenticator.class, a, "SHA-256 beats MD5");
        String header = digest.authorization("GET", "/dir/index.html", null);
        assertEquals("Digest username=\"Mufasa\", realm=\"http-auth@example.org\", nonce=\"" + RFC7616_NONCE
                + "\", uri=\"/dir/index.html\", "
                + "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", "
                + "algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"" + RFC7616_CNONCE + "\", opaque=\""
                + RFC7616_OPAQUE + "\"", header);
    }

    @Test
    void rfc7616Md5Example() {
        Authenticator a = Authenticators.choose(Challenge.parseAll(RFC7616_CHALLENGES.subList(1, 2)), MUFASA,
                () -> RFC7616_CNONCE);
        String header = a.authorization("GET", "/dir/index.html", null);
        assertTrue(header.contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""), header);
        assertTrue(header.contains("algorithm=MD5"), header);
    }

    @Test
    void rfc2617Example() {
        Challenge c = Challenge.parseAll(List.of("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"")).getFirst();
        DigestAuthenticator a = DigestAuthenticator.from(c, new Credentials("Mufasa", "Circle Of Life"),
                () -> "0a4f113b");
        String header = a.authorization("GET", "/dir/index.html", null);
        assertTrue(header.contains("response=\"6629fae49393a05397450978507c4ef1\""), header);
        assertTrue(header.contains("nc=00000001"), header);
        String next = a.authorization("GET", "/dir/index.html", null);
        assertTrue(next.contains("nc=00000002"), "nc counts requests: " + next);
    }

    /**
     * RFC 2069's computation (no qop, no cnonce, no nc) over RFC 2617's example inputs; the
     * expected value was computed independently (Python hashlib).
     */
    @Test
    void legacyFormWithoutQop() {
        Challenge c = Challenge.parseAll(List.of(
                "Digest realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\"")).getFirst();
        DigestAuthenticator a = DigestAuthenticator.from(c, new Credentials("Mufasa", "Circle Of Life"), () -> "x");
        assertEquals("Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                + "response=\"670fd8c2df070c60b045671b8b24ff02\"", a.authorization("GET", "/dir/index.html", null));
    }

    @Test
    void unusableChallengesAreSkipped() {
        Credentials any = new Credentials("u", "p");
        assertNull(Authenticators.choose(Challenge.parseAll(List.of("Digest realm=\"r\"")), any, () -> "c"),
                "no nonce");
        assertNull(Authenticators.choose(Challenge.parseAll(List.of("Digest realm=\"r\", nonce=\"n\", "
                + "algorithm=SHA-1")), any, () -> "c"), "unknown algorithm");
        assertNull(Authenticators.choose(Challenge.parseAll(List.of("Negotiate abc==")), any, () -> "c"));
        assertInstanceOf(BasicAuthenticator.class, Authenticators.choose(Challenge.parseAll(List.of(
                "Digest realm=\"r\", nonce=\"n\", algorithm=UNKNOWN, Basic realm=\"r\"")), any, () -> "c"));
    }

    @Test
    void sessVariantsUseTheClientNonceInHa1() {
        Challenge c = Challenge.parseAll(List.of("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", "
                + "algorithm=SHA-256-sess")).getFirst();
        String header = DigestAuthenticator.from(c, new Credentials("u", "p"), () -> "cn").authorization("PLAY",
                "rtsp://h/s", null);
        String ha1 = sha256(sha256("u:r:p") + ":n:cn");
        String expected = sha256(ha1 + ":n:00000001:cn:auth:" + sha256("PLAY:rtsp://h/s"));
        assertTrue(header.contains("response=\"" + expected + "\""), header);
        assertTrue(header.contains("algorithm=SHA-256-sess"), header);
    }

    @Test
    void userhashHidesTheUserName() {
        Challenge c = Challenge.parseAll(List.of("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", "
                + "algorithm=SHA-256, userhash=true")).getFirst();
        String header = DigestAuthenticator.from(c, new Credentials("Mufasa", "p"), () -> "cn")
                .authorization("OPTIONS", "*", null);
        assertTrue(header.contains("username=\"" + sha256("Mufasa:r") + "\""), header);
        assertTrue(header.contains("userhash=true"), header);
    }

    @Test
    void hostileValuesCannotBreakTheHeaderLine() {
        Challenge c = Challenge.parseAll(List.of("Digest realm=\"a\\\"b\r\nX: y\", nonce=\"n\"")).getFirst();
        String header = DigestAuthenticator.from(c, new Credentials("u", "p"), () -> "cn").authorization("GET", "/",
                null);
        assertTrue(header.indexOf('\r') < 0 && header.indexOf('\n') < 0, header);
        assertTrue(header.contains("realm=\"a\\\"b  X: y\""), header);
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
