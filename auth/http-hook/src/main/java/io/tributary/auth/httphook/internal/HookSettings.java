package io.tributary.auth.httphook.internal;

import io.tributary.api.auth.Decision;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The hook's configuration, checked and typed. {@link #toString()} shows no secret (the URL
 * is redacted).
 *
 * @param timeout   bounds the connection and the whole exchange
 * @param cacheTtl  how long an answer is reused; zero for never
 * @param cacheSize most answers kept; zero for none
 * @param onError   {@link Decision#DENY} or {@link Decision#ABSTAIN}: the answer when the service gives none
 * @param ranking   the Authorizer's service ranking
 */
record HookSettings(HookUrl url, Duration timeout, Duration cacheTtl, int cacheSize, Decision onError, int ranking) {

    HookSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(onError, "onError");
        if (onError == Decision.PERMIT) {
            throw new IllegalArgumentException("onError must be deny or abstain");
        }
    }

    /**
     * The settings of a configuration.
     *
     * @throws IllegalArgumentException naming the first unusable value (never quoting a URL's password)
     */
    static HookSettings of(HttpHookConfig config) {
        HookUrl url = HookUrl.parse(config.url());
        if (config.timeoutMillis() < 1) {
            throw new IllegalArgumentException("timeoutMillis must be at least 1, not " + config.timeoutMillis());
        }
        if (config.cacheSeconds() < 0) {
            throw new IllegalArgumentException("cacheSeconds must be 0 (no cache) or more, not " + config.cacheSeconds());
        }
        if (config.cacheSize() < 0) {
            throw new IllegalArgumentException("cacheSize must be 0 (no cache) or more, not " + config.cacheSize());
        }
        return new HookSettings(url, Duration.ofMillis(config.timeoutMillis()), Duration.ofSeconds(config.cacheSeconds()),
                config.cacheSize(), onError(config.onError()), config.service_ranking());
    }

    private static Decision onError(String value) {
        String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "deny" -> Decision.DENY;
            case "abstain" -> Decision.ABSTAIN;
            default -> throw new IllegalArgumentException("onError must be deny or abstain, not '" + value + "'");
        };
    }
}
