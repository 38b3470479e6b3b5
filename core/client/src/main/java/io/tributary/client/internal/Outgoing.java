package io.tributary.client.internal;

import io.tributary.rtsp.message.RtspHeaders;
import java.util.Objects;

/**
 * A request before the session adds {@code CSeq}, {@code Session}, {@code User-Agent} and
 * {@code Authorization}: what is resent after a 401.
 *
 * @param step for error messages: the method, or {@code keep-alive}
 */
record Outgoing(String method, String uri, RtspHeaders headers, byte[] body, String step) {
    Outgoing {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = headers == null ? RtspHeaders.empty() : headers;
        body = body == null ? new byte[0] : body;
        step = step == null ? method : step;
    }

    Outgoing(String method, String uri, RtspHeaders headers, byte[] body) {
        this(method, uri, headers, body, method);
    }
}
