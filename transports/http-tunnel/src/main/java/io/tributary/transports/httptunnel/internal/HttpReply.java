package io.tributary.transports.httptunnel.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP replies of a tunnel, in HTTP/1.0 as QuickTime's servers answer: the one to a GET,
 * after which the connection carries RTSP until it closes, and refusals with a line of text.
 * A POST is never answered unless refused: clients do not read from it.
 */
final class HttpReply {
    /** The media type of both directions (spelled with two l's, as every client sends it). */
    static final String TUNNELLED = "application/x-rtsp-tunnelled";

    private HttpReply() {
    }

    /** The reply to a tunnel's GET: no length, never cached, the connection ends the body. */
    static ByteBuffer tunnel() {
        return ascii("HTTP/1.0 200 OK\r\n"
                + "Server: Tributary\r\n"
                + "Connection: close\r\n"
                + "Cache-Control: no-store\r\n"
                + "Pragma: no-cache\r\n"
                + "Content-Type: " + TUNNELLED + "\r\n"
                + "\r\n");
    }

    /** A refusal with {@code text} (one line, no secrets: it must not echo the cookie) as its body. */
    static ByteBuffer refusal(HttpStatus status, String text) {
        String body = text + "\n";
        return ascii("HTTP/1.0 " + status.code() + " " + status.reason() + "\r\n"
                + "Server: Tributary\r\n"
                + "Connection: close\r\n"
                + (status == HttpStatus.METHOD_NOT_ALLOWED ? "Allow: GET, POST\r\n" : "")
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "\r\n"
                + body);
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
    }
}
