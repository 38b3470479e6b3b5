package io.tributary.transports.httptunnel.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.x request head (RFC 9112) from bytes that arrive split anywhere: the
 * request line and header fields up to the empty line, with CRLF or a bare LF ending each
 * line (§2.2), and at most {@link #MAX_HEAD_BYTES}. Reads nothing past the head: what follows
 * (a POST's body) stays in the buffer. Bad input is a {@link Result.Failed} with the status to
 * answer, never an exception. One head per decoder.
 */
final class HttpHeadDecoder {
    /** A tunnel's head is a few hundred bytes; more is not a client we serve. */
    static final int MAX_HEAD_BYTES = 8192;

    /** What the bytes so far make. */
    sealed interface Result {
        /** The head is not complete yet: every byte offered was taken. */
        record NeedMore() implements Result {
        }

        /** The head, the buffer positioned just after it. */
        record Done(HttpHead head) implements Result {
        }

        /** Not a request head we take; answer with {@code status}, then close. */
        record Failed(HttpStatus status, String reason) implements Result {
        }
    }

    private static final Result NEED_MORE = new Result.NeedMore();

    /** Heads are a few hundred bytes: the buffer grows to {@link #MAX_HEAD_BYTES} only for those that need it. */
    private byte[] head = new byte[512];
    private int length;
    /** Where the line being read starts in {@link #head}. */
    private int lineStart;
    private final List<String> lines = new ArrayList<>();
    private Result outcome;

    /**
     * Takes bytes from {@code in} up to the end of the head (or of {@code in}).
     *
     * @throws IllegalStateException when the head was already done or failed
     */
    Result decode(ByteBuffer in) {
        if (outcome != null) {
            throw new IllegalStateException("the head was already read: " + outcome);
        }
        while (in.hasRemaining()) {
            if (length == MAX_HEAD_BYTES) {
                return finish(lines.isEmpty()
                        ? new Result.Failed(HttpStatus.URI_TOO_LONG, "the request line is longer than "
                                + MAX_HEAD_BYTES + " bytes")
                        : new Result.Failed(HttpStatus.HEADER_FIELDS_TOO_LARGE, "the request head is longer than "
                                + MAX_HEAD_BYTES + " bytes"));
            }
            if (length == head.length) {
                head = java.util.Arrays.copyOf(head, Math.min(MAX_HEAD_BYTES, head.length * 2));
            }
            byte b = in.get();
            head[length++] = b;
            if (b != '\n') {
                continue;
            }
            int end = length - 1;
            if (end > lineStart && head[end - 1] == '\r') {
                end--;
            }
            String line = new String(head, lineStart, end - lineStart, StandardCharsets.ISO_8859_1);
            lineStart = length;
            if (line.isEmpty()) {
                return finish(parse(lines));
            }
            lines.add(line);
        }
        return NEED_MORE;
    }

    private Result finish(Result result) {
        outcome = result;
        head = null;
        return result;
    }

    /** The head's lines, without their ends, up to the empty line. */
    private static Result parse(List<String> lines) {
        if (lines.isEmpty()) {
            return new Result.Failed(HttpStatus.BAD_REQUEST, "no request line");
        }
        String[] request = lines.get(0).split(" ", -1);
        if (request.length != 3 || !isToken(request[0]) || !isTarget(request[1])) {
            return new Result.Failed(HttpStatus.BAD_REQUEST, "the request line is not METHOD TARGET HTTP/1.x");
        }
        String version = request[2];
        if (!version.matches("HTTP/[0-9]\\.[0-9]")) {
            return new Result.Failed(HttpStatus.BAD_REQUEST, "the request line is not METHOD TARGET HTTP/1.x");
        }
        if (version.charAt(5) != '1') {
            return new Result.Failed(HttpStatus.VERSION_NOT_SUPPORTED, "only HTTP/1.x is spoken here");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                return new Result.Failed(HttpStatus.BAD_REQUEST, "a header line is folded (obsolete, RFC 9112 §5.2)");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                return new Result.Failed(HttpStatus.BAD_REQUEST, "a header line is not NAME: VALUE");
            }
            String value = withoutOws(line.substring(colon + 1));
            if (!isFieldValue(value)) {
                return new Result.Failed(HttpStatus.BAD_REQUEST, "a header value has control characters");
            }
            headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(value);
        }
        return new Result.Done(new HttpHead(request[0], request[1], version, headers));
    }

    /** Without the optional white space (spaces and tabs, RFC 9110 §5.6.3) around a field value. */
    private static String withoutOws(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** RFC 9110 §5.6.2 token. */
    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean tchar = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }

    /** Visible ASCII, no spaces (RFC 9112 §3.2: the request target has no whitespace). */
    private static boolean isTarget(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9110 §5.5: visible characters, spaces, tabs and obs-text; no other control characters. */
    private static boolean isFieldValue(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
