package io.tributary.engine.handler;

import io.tributary.engine.session.RtspSession;

/** Keep-alive requests (OPTIONS, GET_PARAMETER) refresh a session they name, and tolerate unknown ones. */
final class KeepAlive {
    private KeepAlive() {
    }

    static void touch(RequestContext context) {
        RtspSession session = context.session();
        if (session != null) {
            session.touch();
        }
    }
}
