package io.tributary.engine.handler;

import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** OPTIONS: the methods this server supports. A stale Session header is tolerated. */
final class OptionsHandler implements MethodHandler {
    private final Engine engine;
    private final String methods;

    OptionsHandler(Engine engine, String methods) {
        this.engine = engine;
        this.methods = methods;
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        KeepAlive.touch(engine, context);
        return CompletableFuture.completedFuture(context.respond(RtspStatus.OK).header(RtspHeaders.PUBLIC, methods));
    }
}
