package io.tributary.auth.httphook.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.tributary.api.auth.Decision;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The service's recent answers, by request. Keys are SHA-256 digests of the request bodies,
 * so no password is kept in clear; at most {@code maxSize} answers, each for {@code ttl}.
 */
final class DecisionCache {
    /** Null when caching is off. */
    private final Cache<String, Decision> answers;

    DecisionCache(Duration ttl, int maxSize, Ticker ticker) {
        answers = ttl.isZero() || maxSize == 0 ? null : Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxSize)
                .ticker(ticker)
                // Upkeep on the caller's thread: a few map operations, no pool thread to outlive the bundle.
                .executor(Runnable::run)
                .build();
    }

    /** The key of a request body. */
    static String key(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    Optional<Decision> get(String key) {
        return answers == null ? Optional.empty() : Optional.ofNullable(answers.getIfPresent(key));
    }

    /** Keeps the service's answer; only {@link Decision#PERMIT} and {@link Decision#DENY} are answers. */
    void put(String key, Decision decision) {
        if (decision == Decision.ABSTAIN) {
            throw new IllegalArgumentException("only the service's answers are kept");
        }
        if (answers != null) {
            answers.put(key, decision);
        }
    }

    /** Answers kept now (after pending evictions). */
    long size() {
        if (answers == null) {
            return 0;
        }
        answers.cleanUp();
        return answers.estimatedSize();
    }
}
