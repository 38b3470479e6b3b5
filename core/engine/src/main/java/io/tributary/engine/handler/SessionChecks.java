package io.tributary.engine.handler;

import io.tributary.engine.session.RtspSession;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;

/** Checks shared by PLAY and PAUSE: the session is set up and the URL is its aggregate URL. */
final class SessionChecks {
    private SessionChecks() {
    }

    static void aggregate(RequestContext context, RtspSession session) {
        if (session.tracks().isEmpty()) {
            throw NotValidInState.because("no track is set up", session);
        }
        if (!"*".equals(context.url().path()) && !context.url().path().equals(session.path())) {
            throw new RtspException(RtspStatus.SESSION_NOT_FOUND, "session belongs to another path");
        }
        if (context.url().track() != null && session.tracks().size() > 1) {
            throw new RtspException(RtspStatus.ONLY_AGGREGATE_OPERATION_ALLOWED,
                    "use the aggregate URL for a session of several tracks");
        }
    }
}
