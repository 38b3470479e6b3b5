package io.tributary.engine.handler;

import io.tributary.api.auth.Permission;
import io.tributary.engine.session.RtspSession;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.message.RtspVersion;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** OPTIONS: the methods this server supports. A stale Session header is tolerated. */
final class OptionsHandler implements MethodHandler {
    private final String methods;
    private final String methods2;

    /** @param methods the methods of RTSP 1.0, {@code methods2} those of 2.0 */
    OptionsHandler(String methods, String methods2) {
        this.methods = methods;
        this.methods2 = methods2;
    }

    /** OPTIONS needs no permission: it answers what any client may know, and keeps a session alive. */
    @Override
    public Permission permission(RequestContext context, RtspSession named) {
        return null;
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        KeepAlive.touch(context);
        if (context.request().version() == RtspVersion.RTSP_2_0) {
            return CompletableFuture.completedFuture(context.respond(RtspStatus.OK).header(RtspHeaders.PUBLIC, methods2)
                    .header(RtspHeaders.SUPPORTED, OptionTags.supportedHeader()));
        }
        return CompletableFuture.completedFuture(context.respond(RtspStatus.OK).header(RtspHeaders.PUBLIC, methods));
    }
}
