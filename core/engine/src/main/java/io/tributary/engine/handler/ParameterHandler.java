package io.tributary.engine.handler;

import io.tributary.api.auth.Permission;
import io.tributary.engine.session.RtspSession;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * GET_PARAMETER and SET_PARAMETER. With an empty body they are keep-alives (200, also
 * for a stale session); Tributary has no parameters yet, so any named one gets 451.
 */
final class ParameterHandler implements MethodHandler {
    /**
     * A keep-alive (empty body, no session) needs no permission; one on a session needs what the
     * session does, so a publisher's keep-alive needs no read permission.
     */
    @Override
    public Permission permission(RequestContext context, RtspSession named) {
        if (named == null && context.request().body().length == 0) {
            return null;
        }
        return MethodHandler.ofSession(named);
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        KeepAlive.touch(context);
        if (new String(context.request().body(), java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return CompletableFuture.completedFuture(context.respond(RtspStatus.OK));
        }
        throw new RtspException(RtspStatus.PARAMETER_NOT_UNDERSTOOD, "no such parameter");
    }
}
