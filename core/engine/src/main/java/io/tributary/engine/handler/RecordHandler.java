package io.tributary.engine.handler;

import io.tributary.api.auth.Permission;
import io.tributary.engine.publish.Recording;
import io.tributary.engine.session.RtspSession;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** RECORD (RFC 2326 §10.11): the publisher's media, from now on, goes to the path's readers. */
final class RecordHandler implements MethodHandler {
    private final Engine engine;

    RecordHandler(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Permission permission(RequestContext context, RtspSession named) {
        return Permission.PUBLISH;
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        RtspSession session = context.requireSession();
        Recording recording = session.recording();
        if (recording == null) {
            throw NotValidInState.notSetUpFor("this session was set up to play; publish with ANNOUNCE and SETUP mode=record",
                    session);
        }
        SessionChecks.aggregate(context, session);
        return CompletableFuture.supplyAsync(() -> {
            boolean first = !recording.recording();
            recording.start();
            session.state(RtspSession.State.RECORDING);
            if (first) {
                engine.sessions().started(session);
            }
            return context.respond(RtspStatus.OK);
        }, session.executor());
    }
}
