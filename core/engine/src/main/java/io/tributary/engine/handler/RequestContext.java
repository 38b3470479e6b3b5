package io.tributary.engine.handler;

import io.tributary.api.auth.UserPrincipal;
import io.tributary.engine.session.RtspSession;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspRequest;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;

/**
 * Everything a method handler gets for one request (gst-rtsp-server's {@code GstRTSPContext}):
 * the request and its parsed URL, the connection, who asks, and the session it names.
 *
 * @param request    the request
 * @param url        its parsed URL
 * @param connection the connection it came on
 * @param sessionId  the id of its {@code Session} header (parsed once, parameters dropped), or null
 * @param user       the authenticated user, or null (anonymous, or a method that needs no permission)
 * @param session    the session {@code sessionId} names when it exists and belongs to this
 *                   client (address and user), else null
 */
public record RequestContext(RtspRequest request, RequestUrl url, ClientConnection connection, String sessionId,
                             UserPrincipal user, RtspSession session) {
    /** A response to this request with the given status (CSeq and common headers are added later). */
    public RtspResponse respond(RtspStatus status) {
        return RtspResponse.of(request.version(), status);
    }

    /**
     * The URL track controls are relative to ({@code Content-Base}, {@code RTP-Info}): the
     * request's aggregate URL, as {@code rtsps://} on an encrypted connection, whatever scheme
     * the client wrote.
     */
    public String baseUrl() {
        String base = url.aggregate();
        if (connection.secure() && base.regionMatches(true, 0, "rtsp://", 0, 7)) {
            return "rtsps://" + base.substring(7);
        }
        return base;
    }

    /** The session this request names; 454 when there is none (unknown, ended, or another client's). */
    public RtspSession requireSession() {
        if (session == null) {
            throw new RtspException(RtspStatus.SESSION_NOT_FOUND, "session not found");
        }
        session.touch();
        return session;
    }

    RequestContext withAccess(UserPrincipal who, RtspSession owned) {
        return new RequestContext(request, url, connection, sessionId, who, owned);
    }
}
