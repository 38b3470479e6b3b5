package io.tributary.engine.handler;

import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspRequest;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;

/**
 * Everything a method handler gets for one request (gst-rtsp-server's context idea).
 *
 * @param request    the request
 * @param url        its parsed URL
 * @param connection the connection it came on
 */
public record RequestContext(RtspRequest request, RequestUrl url, ClientConnection connection) {
    /** A response to this request with the given status (CSeq and common headers are added later). */
    public RtspResponse respond(RtspStatus status) {
        return RtspResponse.of(request.version(), status);
    }

    /** The session id from the {@code Session} header, without parameters, or null. */
    public String sessionId() {
        String value = request.header(RtspHeaders.SESSION);
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    }
}
