package io.tributary.auth.httphook.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.Authorizer;
import io.tributary.api.auth.Decision;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the service, unless it answered the same request lately. Its answers are kept;
 * failures are not (the next request asks again) and get the configured
 * {@link HookSettings#onError()}.
 */
final class HttpHookAuthorizer implements Authorizer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpHookAuthorizer.class);

    private final HookSettings settings;
    private final HookClient client;
    private final DecisionCache cache;
    private final FailureEpisode episode = new FailureEpisode();

    /** @param ticker the cache's clock (tests move it) */
    HttpHookAuthorizer(HookSettings settings, Ticker ticker) {
        this.settings = settings;
        this.client = new HookClient(settings.url(), settings.timeout());
        this.cache = new DecisionCache(settings.cacheTtl(), settings.cacheSize(), ticker);
    }

    @Override
    public Decision authorize(AccessRequest request) {
        byte[] body = AccessJson.encode(request);
        String key = DecisionCache.key(body);
        Optional<Decision> kept = cache.get(key);
        if (kept.isPresent()) {
            return decided(request, kept.get(), "kept answer");
        }
        return switch (client.post(body)) {
            case HookAnswer.Decided answer -> {
                if (episode.answered()) {
                    LOG.info(HookMessages.answersAgain(settings.url()));
                }
                cache.put(key, answer.decision());
                yield decided(request, answer.decision(), "answered " + answer.status());
            }
            case HookAnswer.Failed failure -> {
                if (episode.failed()) {
                    LOG.warn(HookMessages.failing(settings.url(), failure.reason(), settings.onError()));
                }
                yield decided(request, settings.onError(), "no answer, " + failure.reason());
            }
        };
    }

    private static Decision decided(AccessRequest request, Decision decision, String how) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(HookMessages.decision(request, decision, how));
        }
        return decision;
    }

    /** Answers kept now, for tests. */
    long kept() {
        return cache.size();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "HttpHookAuthorizer[" + settings.url() + "]";
    }
}
