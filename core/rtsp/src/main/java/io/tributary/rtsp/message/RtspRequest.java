package io.tributary.rtsp.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * An RTSP request as received (server side) or to send (client side).
 *
 * @param method  the method token as sent, e.g. {@code SETUP}; never normalised
 * @param uri     the request target as sent: an absolute {@code rtsp://} URL or {@code *}
 * @param version the protocol version
 * @param headers the header fields
 * @param body    the entity body, empty when there is none; not copied, do not modify
 */
public record RtspRequest(String method, String uri, RtspVersion version, RtspHeaders headers, byte[] body) {
    private static final byte[] NO_BODY = new byte[0];

    public RtspRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(version, "version");
        headers = headers == null ? RtspHeaders.empty() : headers;
        body = body == null ? NO_BODY : body;
    }

    /** A request without body. */
    public static RtspRequest of(String method, String uri, RtspVersion version, RtspHeaders headers) {
        return new RtspRequest(method, uri, version, headers, NO_BODY);
    }

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The {@code CSeq} as a non-negative number, or null when absent or not a number. */
    public Integer cseq() {
        return parseCseq(headers.get(RtspHeaders.CSEQ));
    }

    /** The same request with {@code name: value} added. */
    public RtspRequest header(String name, String value) {
        return new RtspRequest(method, uri, version, headers.add(name, value), body);
    }

    static Integer parseCseq(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty() || v.length() > 9) {
            return null; // 9 digits always fit an int; longer CSeqs do not occur in practice
        }
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtspRequest r && method.equals(r.method) && uri.equals(r.uri)
                && version == r.version && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, version, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return method + " " + uri + " " + version + " " + headers + " body=" + body.length + "B";
    }
}
