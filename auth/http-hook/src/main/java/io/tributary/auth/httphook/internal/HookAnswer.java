package io.tributary.auth.httphook.internal;

import io.tributary.api.auth.Decision;
import java.util.Objects;

/** What came of asking the service: its answer, or why there is none. */
sealed interface HookAnswer {

    /** The service answered: 2xx permits, 4xx denies. */
    record Decided(Decision decision, int status) implements HookAnswer {
        public Decided {
            if (decision == Decision.ABSTAIN) {
                throw new IllegalArgumentException("the service permits or denies");
            }
        }
    }

    /**
     * No answer: unreachable, too slow, redirected, or failing (5xx).
     *
     * @param reason for the log; never a secret
     */
    record Failed(String reason) implements HookAnswer {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The meaning of a status: 2xx permits and 4xx (401 and 403 included) denies, as
     * MediaMTX reads its hook; a redirect is not followed and, like 5xx, is no answer.
     */
    static HookAnswer ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return new Decided(Decision.PERMIT, status);
        }
        if (status >= 400 && status < 500) {
            return new Decided(Decision.DENY, status);
        }
        if (status >= 300 && status < 400) {
            return new Failed("answered " + status + ", a redirect, which is not followed");
        }
        return new Failed("answered " + status);
    }
}
