package io.tributary.auth.digest.internal;

import io.tributary.rtsp.header.Authorization;
import java.util.Objects;

/**
 * A client's Digest answer (RFC 7616 §3.4), checked for form only: whether it is right is
 * {@link DigestResponse}'s job, whether its nonce is ours {@link Nonces}'.
 *
 * @param qop    {@code auth} as the client wrote it, or null (RFC 2069 answer)
 * @param nc     the nonce count's 8 hex digits as sent, or null without {@code qop}
 * @param cnonce the client nonce, or null without {@code qop}
 */
record DigestAnswer(String username, String realm, String nonce, String uri, String response,
                    DigestAlgorithm algorithm, String qop, String nc, String cnonce) {
    DigestAnswer {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /**
     * Reads the answer from {@code Authorization: Digest} credentials.
     *
     * @throws IllegalArgumentException naming what is missing or malformed (never a secret)
     */
    static DigestAnswer of(Authorization credentials) {
        String username = required(credentials, "username");
        String realm = required(credentials, "realm");
        String nonce = required(credentials, "nonce");
        String uri = required(credentials, "uri");
        String response = required(credentials, "response");
        String algorithmToken = credentials.param("algorithm");
        // No algorithm parameter means MD5 (RFC 7616 §3.4): what old clients answer to any challenge.
        DigestAlgorithm algorithm = algorithmToken == null ? DigestAlgorithm.MD5 : DigestAlgorithm.of(algorithmToken)
                .orElseThrow(() -> new IllegalArgumentException("unsupported algorithm"));
        if ("true".equalsIgnoreCase(credentials.param("userhash"))) {
            throw new IllegalArgumentException("userhash is not offered");
        }
        String qop = credentials.param("qop");
        String nc = null;
        String cnonce = null;
        if (qop != null) {
            if (!qop.equalsIgnoreCase("auth")) {
                throw new IllegalArgumentException("unsupported qop");
            }
            nc = required(credentials, "nc");
            if (!isNonceCount(nc)) {
                throw new IllegalArgumentException("nc must be 8 hex digits");
            }
            cnonce = required(credentials, "cnonce");
        } else if (algorithm.session) {
            throw new IllegalArgumentException(algorithm.token + " needs qop and cnonce");
        }
        return new DigestAnswer(username, realm, nonce, uri, response, algorithm, qop, nc, cnonce);
    }

    /** The nonce count as a number; only with {@code qop}. */
    long nonceCount() {
        return Long.parseLong(nc, 16);
    }

    private static String required(Authorization credentials, String name) {
        String value = credentials.param(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    private static boolean isNonceCount(String nc) {
        if (nc.length() != 8) {
            return false;
        }
        for (int k = 0; k < nc.length(); k++) {
            char c = nc.charAt(k);
            // ASCII only: Character.digit would also take other scripts' digits.
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
