package io.tributary.rtsp.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Serialises messages to their exact wire bytes: start line, headers in order,
 * {@code Content-Length} when there is a body, blank line, body.
 *
 * <p>Whatever the values hold, the output is one well-formed message: CR, LF and other
 * control characters in reasons and header values become spaces, header names and methods
 * keep only token characters, and a URI's spaces and controls are percent-encoded. A
 * {@code Content-Length} header in the value is ignored; the encoder writes the real one.
 */
public final class RtspEncoder {
    private static final String HEX = "0123456789ABCDEF";

    private RtspEncoder() {
    }

    public static ByteBuffer encode(RtspResponse response) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(response.version().text()).append(' ').append(response.code()).append(' ');
        appendText(sb, response.reason());
        sb.append("\r\n");
        return finish(sb, response.headers(), response.body());
    }

    public static ByteBuffer encode(RtspRequest request) {
        StringBuilder sb = new StringBuilder(256);
        appendToken(sb, request.method());
        sb.append(' ');
        appendUri(sb, request.uri());
        sb.append(' ').append(request.version().text()).append("\r\n");
        return finish(sb, request.headers(), request.body());
    }

    private static ByteBuffer finish(StringBuilder sb, RtspHeaders headers, byte[] body) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            if (name.equalsIgnoreCase(RtspHeaders.CONTENT_LENGTH)) {
                continue;
            }
            int before = sb.length();
            appendToken(sb, name);
            if (sb.length() == before) {
                continue; // nothing of the name was a token character
            }
            sb.append(": ");
            appendText(sb, headers.value(i));
            sb.append("\r\n");
        }
        if (body.length > 0) {
            sb.append(RtspHeaders.CONTENT_LENGTH).append(": ").append(body.length).append("\r\n");
        }
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
    }

    private static void appendToken(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (RtspDecoder.isTchar(c)) {
                sb.append(c);
            }
        }
    }

    private static void appendText(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append((c < 0x20 && c != '\t') || c == 0x7F ? ' ' : c);
        }
    }

    private static void appendUri(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            } else {
                sb.append(c);
            }
        }
    }
}
