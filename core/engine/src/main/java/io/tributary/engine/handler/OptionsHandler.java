package io.tributary.engine.handler;

import io.tributary.api.auth.Permission;
import io.tributary.engine.session.RtspSession;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** OPTIONS: the methods this server supports. A stale Session header is tolerated. */
final class OptionsHandler implements MethodHandler {
    private final String methods;

    OptionsHandler(String methods) {
        this.methods = methods;
    }

    /** OPTIONS needs no permission: it answers what any client may know, and keeps a session alive. */
    @Override
    public Permission permission(RequestContext context, RtspSession named) {
        return null;
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        KeepAlive.touch(context);
        return CompletableFuture.completedFuture(context.respond(RtspStatus.OK).header(RtspHeaders.PUBLIC, methods));
    }
}
