package io.tributary.engine.handler;

import io.tributary.api.auth.Permission;
import io.tributary.engine.session.RtspSession;
import io.tributary.engine.session.SessionEndReason;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** TEARDOWN: ends the whole session at once (also when sent on a track URL); its id is then unknown. */
final class TeardownHandler implements MethodHandler {
    private final Engine engine;

    TeardownHandler(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Permission permission(RequestContext context, RtspSession named) {
        return MethodHandler.ofSession(named);
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        RtspSession session = context.requireSession();
        engine.sessions().end(session, SessionEndReason.TEARDOWN);
        return CompletableFuture.completedFuture(context.respond(RtspStatus.OK));
    }
}
