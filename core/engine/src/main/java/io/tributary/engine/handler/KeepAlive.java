package io.tributary.engine.handler;

import io.tributary.engine.session.RtspSession;

/** Keep-alive requests (OPTIONS, GET_PARAMETER) refresh a session they name, and tolerate unknown ones. */
final class KeepAlive {
    private KeepAlive() {
    }

    static void touch(Engine engine, RequestContext context) {
        RtspSession session = engine.sessions().find(context.sessionId());
        if (session != null && session.client().getAddress().equals(context.connection().remote().getAddress())) {
            session.touch();
        }
    }
}
