package io.tributary.engine.handler;

import io.tributary.api.auth.Permission;
import io.tributary.engine.session.RtspSession;
import io.tributary.rtsp.message.RtspResponse;
import java.util.concurrent.CompletionStage;

/**
 * Handles one RTSP method. Runs on the connection's event loop and must not block: work
 * that may block (opening media) completes the returned stage later. Errors are thrown or
 * completed as {@link io.tributary.rtsp.message.RtspException}.
 */
public interface MethodHandler {
    /**
     * The permission the request needs on its path, checked before {@link #handle}; null when
     * it needs none. Reading by default.
     *
     * @param named the session the request's {@code Session} header names, not yet checked to
     *              be the client's; null when none
     */
    default Permission permission(RequestContext context, RtspSession named) {
        return Permission.READ;
    }

    CompletionStage<RtspResponse> handle(RequestContext context);

    /** What a request on a session needs: publishing for a publisher's session, reading otherwise. */
    static Permission ofSession(RtspSession named) {
        return named != null && named.recording() != null ? Permission.PUBLISH : Permission.READ;
    }
}
