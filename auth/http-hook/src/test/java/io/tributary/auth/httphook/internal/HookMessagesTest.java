package io.tributary.auth.httphook.internal;

import static io.tributary.auth.httphook.internal.Requests.DIGEST_RESPONSE;
import static io.tributary.auth.httphook.internal.Requests.PASSWORD;
import static io.tributary.auth.httphook.internal.TestConfigs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.Decision;
import io.tributary.api.auth.Permission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookMessagesTest {
    private static final String URL = "http://hook:urlpass@auth.local:9000/check?token=urltoken";

    @Test
    void aDecisionNamesWhoWhatAndWhereButNoSecret() {
        String line = HookMessages.decision(Requests.basic("bob", PASSWORD), Decision.PERMIT, "answered 200");
        assertEquals("PERMIT read /cam1 for bob (unverified Basic) from 10.0.0.7 (rtsps DESCRIBE): answered 200", line);
    }

    @Test
    void noLineEverHoldsAPasswordADigestAnswerOrTheUrlsSecrets() {
        HookSettings settings = settings("url", URL);
        List<AccessRequest> requests = List.of(Requests.anonymous("/cam1"), Requests.authenticated("alice", Permission.ADMIN),
                Requests.basic("bob", PASSWORD), Requests.digest("carol", Requests.digestParameters()));
        List<String> lines = new ArrayList<>();
        for (AccessRequest request : requests) {
            for (Decision decision : Decision.values()) {
                lines.add(HookMessages.decision(request, decision, "answered 403"));
                lines.add(HookMessages.decision(request, decision, "kept answer"));
            }
        }
        lines.add(HookMessages.started(settings));
        lines.add(HookMessages.failing(settings.url(), "no answer within 2000 ms", Decision.DENY));
        lines.add(HookMessages.failing(settings.url(), "answered 503", Decision.ABSTAIN));
        lines.add(HookMessages.answersAgain(settings.url()));
        for (String line : lines) {
            for (String secret : List.of(PASSWORD, DIGEST_RESPONSE, "0a4f113b", "dcd98b71", "urlpass", "urltoken")) {
                assertFalse(line.contains(secret), secret + " in: " + line);
            }
        }
    }

    @Test
    void aFailureShowsTheReasonTheUrlWithoutUserInfoOrQueryAndWhatRequestsGet() {
        HookUrl url = settings("url", URL).url();
        assertEquals("authorization hook http://auth.local:9000/check gives no answer: answered 503;"
                + " requests are denied until it answers again", HookMessages.failing(url, "answered 503", Decision.DENY));
        assertTrue(HookMessages.failing(url, "answered 503", Decision.ABSTAIN).contains("requests go to the next authorizer"));
    }

    @Test
    void theRequestsOfEachKindAreToldApart() {
        assertTrue(HookMessages.decision(Requests.anonymous("/a"), Decision.DENY, "x").contains(" for anonymous "));
        assertTrue(HookMessages.decision(Requests.authenticated("alice", Permission.READ), Decision.DENY, "x")
                .contains(" for alice (verified) "));
        assertTrue(HookMessages.decision(Requests.digest("carol", Requests.digestParameters()), Decision.DENY, "x")
                .contains(" for carol (unverified Digest) "));
    }
}
