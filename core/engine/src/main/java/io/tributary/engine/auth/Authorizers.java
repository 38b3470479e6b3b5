package io.tributary.engine.auth;

import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.Authorizer;
import io.tributary.api.auth.Decision;
import java.util.List;

/** The one rule for combining authorizers: highest ranking first, the first that does not abstain decides. */
final class Authorizers {
    private Authorizers() {
    }

    /** PERMIT or DENY; DENY when every authorizer abstains or none is installed. */
    static Decision decide(List<Authorizer> ranked, AccessRequest request) {
        for (Authorizer authorizer : ranked) {
            Decision decision = authorizer.authorize(request);
            if (decision != Decision.ABSTAIN) {
                return decision;
            }
        }
        return Decision.DENY;
    }
}
