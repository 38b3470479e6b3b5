package io.tributary.auth.users.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestSecretsTest {
    private static final char[] PASSWORD = "Circle of Life".toCharArray();
    private static final String REALM = "http-auth@example.org";

    @Test
    void ha1IsTheHashOfUserRealmAndPassword() throws Exception {
        DigestSecrets secrets = DigestSecrets.compute("Mufasa", REALM, PASSWORD);

        assertEquals(hex("MD5", "Mufasa:http-auth@example.org:Circle of Life"), secrets.md5());
        assertEquals(hex("SHA-256", "Mufasa:http-auth@example.org:Circle of Life"), secrets.sha256());
        assertEquals(32, secrets.md5().length());
        assertEquals(64, secrets.sha256().length());
        assertEquals(secrets.md5().toLowerCase(), secrets.md5());
    }

    /** RFC 7616, section 3.9.1: the responses it gives for Mufasa's request, computed from our HA1. */
    @Test
    void ha1GivesTheResponsesOfRfc7616sExample() throws Exception {
        DigestSecrets secrets = DigestSecrets.compute("Mufasa", REALM, PASSWORD);
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

        assertEquals("8ca523f5e9506fed4657c9700eebdbec", hex("MD5", secrets.md5() + ":" + nonce + ":00000001:"
                + cnonce + ":auth:" + hex("MD5", "GET:/dir/index.html")));
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                hex("SHA-256", secrets.sha256() + ":" + nonce + ":00000001:" + cnonce + ":auth:"
                        + hex("SHA-256", "GET:/dir/index.html")));
    }

    @Test
    void ha1OfNonAsciiPasswordsIsOverUtf8() throws Exception {
        assertEquals(hex("MD5", "jörg:Tributary:Grüße"),
                DigestSecrets.compute("jörg", "Tributary", "Grüße".toCharArray()).md5());
    }

    @Test
    void givesTheStoredValueOnlyForItsRealmAndAKnownAlgorithm() {
        DigestSecrets secrets = DigestSecrets.compute("Mufasa", REALM, PASSWORD);

        assertEquals(Optional.of(secrets.md5()), secrets.ha1(REALM, "MD5"));
        assertEquals(Optional.of(secrets.md5()), secrets.ha1(REALM, "md5"));
        assertEquals(Optional.of(secrets.sha256()), secrets.ha1(REALM, "SHA-256"));
        assertEquals(Optional.empty(), secrets.ha1("Tributary", "MD5"));
        assertEquals(Optional.empty(), secrets.ha1(REALM, "SHA-512-256"));
        assertEquals(Optional.empty(), secrets.ha1(REALM, "MD5-sess"));
        assertEquals(Optional.empty(), secrets.ha1(REALM, null));
        assertEquals(Optional.empty(), DigestSecrets.NONE.ha1("", "MD5"));
    }

    @Test
    void refusesValuesThatAreNotHashes() {
        assertThrows(IllegalArgumentException.class, () -> new DigestSecrets("r", "xyz", ""));
        assertThrows(IllegalArgumentException.class, () -> new DigestSecrets("r", "", "00"));
        assertEquals("0123456789abcdef0123456789abcdef",
                new DigestSecrets("r", "0123456789ABCDEF0123456789abcdef", "").md5());
    }

    private static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
