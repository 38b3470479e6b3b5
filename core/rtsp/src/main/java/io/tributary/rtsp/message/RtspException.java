package io.tributary.rtsp.message;

/**
 * A request that cannot be served, with the status to answer it with. This is the one
 * mapping from errors to RTSP statuses: handlers throw it, the connection answers it.
 * The detail is for logs and an optional body; it never contains secrets. Some statuses
 * need headers in the answer ({@code WWW-Authenticate} on 401, {@code Unsupported} on 551):
 * they travel with the exception.
 */
public final class RtspException extends RuntimeException {
    private final RtspStatus status;
    private final RtspHeaders headers;

    public RtspException(RtspStatus status, String detail) {
        this(status, detail, RtspHeaders.empty());
    }

    public RtspException(RtspStatus status, String detail, RtspHeaders headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    public RtspStatus status() {
        return status;
    }

    /** Headers the error response carries besides the common ones; usually none. */
    public RtspHeaders headers() {
        return headers;
    }
}
