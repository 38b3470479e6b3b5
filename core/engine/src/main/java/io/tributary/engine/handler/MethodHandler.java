package io.tributary.engine.handler;

import io.tributary.rtsp.message.RtspResponse;
import java.util.concurrent.CompletionStage;

/**
 * Handles one RTSP method. Runs on the connection's event loop and must not block: work
 * that may block (opening media) completes the returned stage later. Errors are thrown or
 * completed as {@link io.tributary.rtsp.message.RtspException}.
 */
public interface MethodHandler {
    CompletionStage<RtspResponse> handle(RequestContext context);
}
