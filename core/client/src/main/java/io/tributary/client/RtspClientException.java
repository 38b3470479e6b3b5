package io.tributary.client;

import io.tributary.rtsp.message.RtspResponse;

/**
 * Why a client step failed. The message always reads {@code <step> <url>: <detail>}, e.g.
 * {@code DESCRIBE rtsp://cam/stream: no response within 10000 ms}; the URL never carries
 * credentials.
 */
public final class RtspClientException extends RuntimeException {

    /** What kind of failure, for callers that react differently (retry, give up, alert). */
    public enum Kind {
        /** The TCP connection could not be made (refused, unreachable, unknown host). */
        CONNECT_FAILED,
        /** A connect, a response or media did not arrive in time. */
        TIMEOUT,
        /** The server answered with a status other than 2xx (see {@link #response()}). */
        STATUS,
        /** 401 without usable credentials, or the credentials were rejected. */
        UNAUTHORIZED,
        /** The server sent something unreadable: oversized or malformed response, bad SDP. */
        PROTOCOL,
        /** The connection or the session ended before the step completed. */
        CLOSED,
        /** A local bound was reached (too many pending requests). */
        LIMIT,
        /** The step is not possible yet: e.g. SETUP before DESCRIBE, PLAY before SETUP. */
        STATE,
        /** A local resource failed: e.g. no UDP port pair could be bound. */
        LOCAL
    }

    private final Kind kind;
    private final String step;
    private final String url;
    private final transient RtspResponse response;

    public RtspClientException(Kind kind, String step, String url, String detail, RtspResponse response,
            Throwable cause) {
        super(step + " " + url + ": " + detail, cause);
        this.kind = kind;
        this.step = step;
        this.url = url;
        this.response = response;
    }

    public RtspClientException(Kind kind, String step, String url, String detail) {
        this(kind, step, url, detail, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The RTSP method, or {@code connect}, {@code media}, {@code keep-alive}. */
    public String step() {
        return step;
    }

    /** The request URL without credentials. */
    public String url() {
        return url;
    }

    /** The response for {@link Kind#STATUS} and {@link Kind#UNAUTHORIZED}, else null. */
    public RtspResponse response() {
        return response;
    }

    /** The status code of {@link #response()}, or 0. */
    public int status() {
        return response == null ? 0 : response.code();
    }
}
