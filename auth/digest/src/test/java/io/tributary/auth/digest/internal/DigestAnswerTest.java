package io.tributary.auth.digest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.header.Authorization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes a Digest answer well-formed, and the precise reason when it is not. */
class DigestAnswerTest {
    private static final List<String> COMPLETE = List.of("username", "u", "realm", "R", "nonce", "n",
            "uri", "/p", "response", "0123", "qop", "auth", "nc", "0000000a", "cnonce", "c");

    @Test
    void completeAnswerIsReadWithMd5WhenNoAlgorithmIsNamed() {
        DigestAnswer answer = DigestAnswer.of(answer(COMPLETE));
        assertEquals(new DigestAnswer("u", "R", "n", "/p", "0123", DigestAlgorithm.MD5, "auth", "0000000a", "c"), answer);
        assertEquals(10, answer.nonceCount());
    }

    @Test
    void answerWithoutQopNeedsNoNonceCountOrClientNonce() {
        DigestAnswer answer = DigestAnswer.of(Authorization.of("Digest", "username", "u", "realm", "R", "nonce", "n",
                "uri", "/p", "response", "0123", "algorithm", "sha-256"));
        assertEquals(DigestAlgorithm.SHA_256, answer.algorithm());
        assertNull(answer.qop());
        assertNull(answer.nc());
    }

    @Test
    void eachRequiredParameterIsNamedWhenMissingOrEmpty() {
        for (String name : List.of("username", "realm", "nonce", "uri", "response", "nc", "cnonce")) {
            assertEquals("missing " + name, reason(without(name)), name);
            assertEquals("missing " + name, reason(replaced(name, "")), name);
        }
    }

    @Test
    void unknownAlgorithmUserhashAndOtherQopAreRefused() {
        assertEquals("unsupported algorithm", reason(with("algorithm", "SHA-512-256")));
        assertEquals("userhash is not offered", reason(with("userhash", "true")));
        assertEquals("unsupported qop", reason(replaced("qop", "auth-int")));
    }

    @Test
    void nonceCountMustBeEightAsciiHexDigits() {
        for (String nc : List.of("1", "000000001", "0000000g", "0000000\u0663", "+0000001")) {
            assertEquals("nc must be 8 hex digits", reason(replaced("nc", nc)), nc);
        }
        assertEquals(0xFFFFFFFFL, DigestAnswer.of(answer(replaced("nc", "FFFFFFFF"))).nonceCount());
    }

    @Test
    void sessVariantWithoutQopIsRefused() {
        assertEquals("MD5-sess needs qop and cnonce", reason(Authorization.of("Digest", "username", "u", "realm", "R",
                "nonce", "n", "uri", "/p", "response", "0123", "algorithm", "MD5-sess")));
    }

    private static String reason(List<String> params) {
        return reason(answer(params));
    }

    private static String reason(Authorization credentials) {
        return assertThrows(IllegalArgumentException.class, () -> DigestAnswer.of(credentials)).getMessage();
    }

    private static Authorization answer(List<String> params) {
        return Authorization.of("Digest", params.toArray(String[]::new));
    }

    private static List<String> without(String name) {
        List<String> params = new ArrayList<>(COMPLETE);
        int k = params.indexOf(name);
        params.subList(k, k + 2).clear();
        return params;
    }

    private static List<String> replaced(String name, String value) {
        List<String> params = new ArrayList<>(COMPLETE);
        params.set(params.indexOf(name) + 1, value);
        return params;
    }

    private static List<String> with(String name, String value) {
        List<String> params = new ArrayList<>(COMPLETE);
        params.add(name);
        params.add(value);
        return params;
    }
}
