package io.tributary.rtsp.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * An RTSP response. Immutable; built by chaining:
 * {@code RtspResponse.of(version, RtspStatus.OK).header("CSeq", "2").body("application/sdp", sdp)}.
 *
 * <p>Do not set {@code Content-Length}: the encoder ignores it and writes the body's length.
 *
 * @param version the protocol version (the request's)
 * @param code    the status code; any three-digit code, also ones {@link RtspStatus} lacks
 * @param reason  the reason phrase
 * @param headers the header fields
 * @param body    the entity body, empty when there is none; not copied, do not modify
 */
public record RtspResponse(RtspVersion version, int code, String reason, RtspHeaders headers, byte[] body) {
    private static final byte[] NO_BODY = new byte[0];

    public RtspResponse {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("status code " + code);
        }
        headers = headers == null ? RtspHeaders.empty() : headers;
        body = body == null ? NO_BODY : body;
    }

    public static RtspResponse of(RtspVersion version, RtspStatus status) {
        return new RtspResponse(version, status.code(), status.reason(), RtspHeaders.empty(), NO_BODY);
    }

    /** This response with {@code name: value} added after the existing headers. */
    public RtspResponse header(String name, String value) {
        return new RtspResponse(version, code, reason, headers.add(name, value), body);
    }

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** This response with {@code Content-Type: contentType} and {@code body}. */
    public RtspResponse body(String contentType, byte[] content) {
        return new RtspResponse(version, code, reason, headers.set(RtspHeaders.CONTENT_TYPE, contentType),
                Objects.requireNonNull(content, "content"));
    }

    /** The {@code CSeq} as a non-negative number, or null (client side). */
    public Integer cseq() {
        return RtspRequest.parseCseq(headers.get(RtspHeaders.CSEQ));
    }

    /** The matching {@link RtspStatus}, or null for a code Tributary does not know. */
    public RtspStatus status() {
        for (RtspStatus s : RtspStatus.values()) {
            if (s.code() == code) {
                return s;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtspResponse r && version == r.version && code == r.code
                && reason.equals(r.reason) && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, code, reason, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return version + " " + code + " " + reason + " " + headers + " body=" + body.length + "B";
    }
}
