package io.tributary.auth.digest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checked Digest configuration.
 *
 * @param realm               the protection realm, sent in challenges and required in answers
 * @param algorithms          the algorithms to challenge with, in sending order; answers must use
 *                            one of their hash functions
 * @param nonceLifetime       how long a nonce is good for answers with {@code qop}
 * @param legacyNonceLifetime how long a nonce is good for answers without {@code qop}
 * @param allowLegacy         whether answers without {@code qop} (RFC 2069) are accepted
 */
record DigestSettings(String realm, List<DigestAlgorithm> algorithms, Duration nonceLifetime,
                      Duration legacyNonceLifetime, boolean allowLegacy) {
    DigestSettings {
        Objects.requireNonNull(realm, "realm");
        for (int k = 0; k < realm.length(); k++) {
            if (realm.charAt(k) < 0x20 || realm.charAt(k) == 0x7F) {
                throw new IllegalArgumentException("realm must not contain control characters");
            }
        }
        algorithms = List.copyOf(algorithms);
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("no Digest algorithm configured");
        }
        if (algorithms.size() != algorithms.stream().distinct().count()) {
            throw new IllegalArgumentException("a Digest algorithm is configured twice: "
                    + algorithms.stream().map(a -> a.token).toList());
        }
        positive(nonceLifetime, "nonceLifetimeSeconds");
        positive(legacyNonceLifetime, "legacyNonceLifetimeSeconds");
    }

    static DigestSettings from(DigestConfig config) {
        List<DigestAlgorithm> algorithms = new ArrayList<>();
        for (String token : config.algorithms().split(",")) {
            if (!token.isBlank()) {
                algorithms.add(DigestAlgorithm.of(token).orElseThrow(() -> new IllegalArgumentException(
                        "unknown Digest algorithm '" + token.strip() + "' (known: MD5, SHA-256, MD5-sess, SHA-256-sess)")));
            }
        }
        return new DigestSettings(config.realm(), algorithms, Duration.ofSeconds(config.nonceLifetimeSeconds()),
                Duration.ofSeconds(config.legacyNonceLifetimeSeconds()), config.allowLegacy());
    }

    /** Whether an answer may use this algorithm: its hash function is one the challenges offer. */
    boolean accepts(DigestAlgorithm algorithm) {
        return algorithms.stream().anyMatch(offered -> offered.hash.equals(algorithm.hash));
    }

    /** How long a nonce is good for an answer with or without {@code qop}. */
    Duration lifetime(boolean withQop) {
        return withQop ? nonceLifetime : legacyNonceLifetime;
    }

    private static void positive(Duration lifetime, String name) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + lifetime.toSeconds());
        }
    }
}
