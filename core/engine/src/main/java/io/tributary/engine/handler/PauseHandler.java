package io.tributary.engine.handler;

import io.tributary.engine.session.Playback;
import io.tributary.api.auth.Permission;
import io.tributary.engine.session.RtspSession;
import io.tributary.rtsp.header.RangeHeader;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.message.RtspVersion;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** PAUSE: stops sending, keeps the position and answers it in {@code Range}. */
final class PauseHandler implements MethodHandler {
    @Override
    public Permission permission(RequestContext context, RtspSession named) {
        return MethodHandler.ofSession(named);
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        RtspSession session = context.requireSession();
        SessionChecks.aggregate(context, session);
        return CompletableFuture.supplyAsync(() -> {
            Playback playback = session.playback();
            double position = playback == null ? 0 : playback.pause();
            session.state(RtspSession.State.READY);
            RtspResponse response = context.respond(RtspStatus.OK).header(RtspHeaders.RANGE,
                    RangeHeader.format(PlayHandler.servedRange(session.source().description(), position)));
            return context.request().version() == RtspVersion.RTSP_2_0
                    ? MediaHeaders.range(response, session.source()) : response;
        }, session.executor());
    }
}
