package io.tributary.auth.digest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The {@code response} a Digest answer must carry (RFC 7616 §3.4.1, and RFC 2069's
 * {@code H(HA1:nonce:HA2)} without {@code qop}), and the constant-time check of it. Knows
 * nothing of nonces: whether the nonce is ours and fresh is decided elsewhere.
 */
final class DigestResponse {
    private DigestResponse() {
    }

    /**
     * The expected response, lower-case hex.
     *
     * @param ha1    the stored {@code H(username:realm:password)} for the answer's hash function
     * @param method the request's method
     */
    static String expected(DigestAnswer answer, String ha1, String method) {
        DigestAlgorithm algorithm = answer.algorithm();
        String a1 = ha1.toLowerCase(Locale.ROOT);
        if (algorithm.session) {
            a1 = algorithm.hex(a1 + ":" + answer.nonce() + ":" + answer.cnonce());
        }
        String ha2 = algorithm.hex(method + ":" + answer.uri());
        if (answer.qop() == null) {
            return algorithm.hex(a1 + ":" + answer.nonce() + ":" + ha2);
        }
        return algorithm.hex(a1 + ":" + answer.nonce() + ":" + answer.nc() + ":" + answer.cnonce() + ":"
                + answer.qop() + ":" + ha2);
    }

    /** Whether the answer's response is the expected one; takes as long whichever byte differs. */
    static boolean matches(DigestAnswer answer, String ha1, String method) {
        byte[] expected = expected(answer, ha1, method).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, lowerHex(answer.response()));
    }

    /** The response's bytes with A-F lowered (hex is case-insensitive); other characters as UTF-8. */
    private static byte[] lowerHex(String response) {
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        for (int k = 0; k < bytes.length; k++) {
            if (bytes[k] >= 'A' && bytes[k] <= 'F') {
                bytes[k] += 'a' - 'A';
            }
        }
        return bytes;
    }
}
