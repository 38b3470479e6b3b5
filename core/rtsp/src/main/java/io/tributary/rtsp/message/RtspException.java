package io.tributary.rtsp.message;

/**
 * A request that cannot be served, with the status to answer it with. This is the one
 * mapping from errors to RTSP statuses: handlers throw it, the connection answers it.
 * The detail is for logs and an optional body; it never contains secrets.
 */
public final class RtspException extends RuntimeException {
    private final RtspStatus status;

    public RtspException(RtspStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public RtspStatus status() {
        return status;
    }
}
