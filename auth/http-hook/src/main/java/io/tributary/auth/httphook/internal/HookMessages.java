package io.tributary.auth.httphook.internal;

import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.Decision;
import java.util.Locale;

/**
 * The hook's log lines, built from what may be shown: user names, paths, addresses and the
 * redacted URL; never a password, a Digest answer or the URL's user info and query.
 */
final class HookMessages {
    private HookMessages() {
    }

    /** The configuration is unusable: the hook does not start. */
    static String notStarted(String problem) {
        return "HTTP authorization hook (" + HttpHookConfig.PID + ") is not started: " + problem;
    }

    /** The hook is in service. */
    static String started(HookSettings settings) {
        return "authorization hook " + settings.url() + " asked at ranking " + settings.ranking()
                + (settings.cacheTtl().isZero() || settings.cacheSize() == 0 ? ", no cache"
                : ", answers kept " + settings.cacheTtl().toSeconds() + " s")
                + ", " + errorAnswer(settings.onError()) + " when it gives no answer";
    }

    /** The first failure after an answer (or the first of all): the start of an episode. */
    static String failing(HookUrl url, String reason, Decision onError) {
        return "authorization hook " + url + " gives no answer: " + reason + "; " + errorAnswer(onError)
                + " until it answers again";
    }

    /** The first answer after failures. */
    static String answersAgain(HookUrl url) {
        return "authorization hook " + url + " answers again";
    }

    /**
     * One decision.
     *
     * @param how where the decision came from: {@code "answered 200"}, {@code "cached"}…
     */
    static String decision(AccessRequest request, Decision decision, String how) {
        return decision + " " + request.permission().name().toLowerCase(Locale.ROOT) + " " + request.path()
                + " for " + who(request) + " from " + AccessJson.ip(request.remote()) + " (" + request.protocol()
                + " " + request.method() + "): " + how;
    }

    private static String who(AccessRequest request) {
        if (request.user() != null) {
            return request.user().name() + " (verified)";
        }
        if (request.presented() != null) {
            return request.presented().user() + " (unverified " + request.presented().scheme() + ")";
        }
        return "anonymous";
    }

    private static String errorAnswer(Decision onError) {
        return onError == Decision.ABSTAIN ? "requests go to the next authorizer" : "requests are denied";
    }
}
