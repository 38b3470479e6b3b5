package io.tributary.auth.digest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.rtsp.header.Authorization;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The response computation against RFC 7616 §3.9.1's example, whose nonce is not one of ours. */
class DigestResponseTest {
    private static final String REALM = "http-auth@example.org";
    private static final String MD5_HA1 = PasswordStore.hex("MD5", "Mufasa:" + REALM + ":Circle of Life");
    private static final String SHA256_HA1 = PasswordStore.hex("SHA-256", "Mufasa:" + REALM + ":Circle of Life");

    static Authorization rfc7616Example(String algorithm, String response) {
        return Authorization.of("Digest", "username", "Mufasa", "realm", REALM, "uri", "/dir/index.html",
                "algorithm", algorithm, "nonce", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "nc", "00000001",
                "cnonce", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "qop", "auth", "response", response,
                "opaque", "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
    }

    @Test
    void md5ResponseOfTheRfcExampleIsComputedAndAccepted() {
        DigestAnswer answer = DigestAnswer.of(rfc7616Example("MD5", "8ca523f5e9506fed4657c9700eebdbec"));
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", DigestResponse.expected(answer, MD5_HA1, "GET"));
        assertTrue(DigestResponse.matches(answer, MD5_HA1, "GET"));
    }

    @Test
    void sha256ResponseOfTheRfcExampleIsComputedAndAccepted() {
        String response = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";
        DigestAnswer answer = DigestAnswer.of(rfc7616Example("SHA-256", response));
        assertEquals(response, DigestResponse.expected(answer, SHA256_HA1, "GET"));
        assertTrue(DigestResponse.matches(answer, SHA256_HA1, "GET"));
    }

    @Test
    void upperCaseHexResponseIsTheSameResponse() {
        DigestAnswer answer = DigestAnswer.of(rfc7616Example("MD5", "8CA523F5E9506FED4657C9700EEBDBEC"));
        assertTrue(DigestResponse.matches(answer, MD5_HA1.toUpperCase(Locale.ROOT), "GET"));
    }

    @Test
    void anotherMethodOrPasswordOrTruncatedResponseDoesNotMatch() {
        DigestAnswer answer = DigestAnswer.of(rfc7616Example("MD5", "8ca523f5e9506fed4657c9700eebdbec"));
        assertFalse(DigestResponse.matches(answer, MD5_HA1, "POST"));
        assertFalse(DigestResponse.matches(answer, PasswordStore.hex("MD5", "Mufasa:" + REALM + ":circle of life"),
                "GET"));
        DigestAnswer truncated = DigestAnswer.of(rfc7616Example("MD5", "8ca523f5e9506fed4657c9700eebdbe"));
        assertFalse(DigestResponse.matches(truncated, MD5_HA1, "GET"));
    }

    @Test
    void withoutQopTheResponseIsRfc2069s() {
        String nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
        String ha2 = PasswordStore.hex("MD5", "GET:/dir/index.html");
        String expected = PasswordStore.hex("MD5", MD5_HA1 + ":" + nonce + ":" + ha2);
        DigestAnswer answer = DigestAnswer.of(Authorization.of("Digest", "username", "Mufasa", "realm", REALM,
                "nonce", nonce, "uri", "/dir/index.html", "response", expected));
        assertEquals(DigestAlgorithm.MD5, answer.algorithm());
        assertEquals(expected, DigestResponse.expected(answer, MD5_HA1, "GET"));
    }

    @Test
    void sessVariantHashesTheNonceAndClientNonceIntoHa1() {
        DigestAnswer answer = DigestAnswer.of(rfc7616Example("SHA-256-sess", "x"));
        String sessionHa1 = PasswordStore.hex("SHA-256", SHA256_HA1 + ":" + answer.nonce() + ":" + answer.cnonce());
        String ha2 = PasswordStore.hex("SHA-256", "GET:/dir/index.html");
        String expected = PasswordStore.hex("SHA-256", sessionHa1 + ":" + answer.nonce() + ":00000001:"
                + answer.cnonce() + ":auth:" + ha2);
        assertEquals(expected, DigestResponse.expected(answer, SHA256_HA1, "GET"));
    }
}
