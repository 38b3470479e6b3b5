package io.tributary.rtsp.header;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The lexical rules the list-valued headers share: items separated by {@code ,} or
 * {@code ;}, values optionally in double quotes. A quote may only enclose a whole value,
 * so a parsed value never contains one and can always be written back.
 */
final class HeaderSyntax {
    private HeaderSyntax() {
    }

    /**
     * Splits on {@code separator} outside quotes; parts are trimmed. Unbalanced quotes and
     * control characters (which the decoder never lets through) → 400.
     */
    static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw bad("control character");
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(s.substring(from, i).trim());
                from = i + 1;
            }
        }
        if (quoted) {
            throw bad("unbalanced quotes");
        }
        parts.add(s.substring(from).trim());
        return parts;
    }

    /** {@code "x"} → {@code x}; a quote anywhere else → 400. */
    static String unquote(String value) {
        String inner = value;
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            inner = value.substring(1, value.length() - 1);
        }
        if (inner.indexOf('"') >= 0) {
            throw bad("misplaced quote");
        }
        return inner;
    }

    /** The value, in quotes when it would otherwise not survive {@link #split}. */
    static String quoteIfNeeded(String value) {
        // trim() would eat leading and trailing characters up to and including space
        boolean needs = !value.isEmpty() && (value.indexOf(';') >= 0 || value.indexOf(',') >= 0
                || value.charAt(0) <= ' ' || value.charAt(value.length() - 1) <= ' ');
        return needs ? '"' + value + '"' : value;
    }

    /** A decimal of at most {@code maxDigits} digits, or -1. */
    static long number(String s, int maxDigits) {
        if (s == null || s.isEmpty() || s.length() > maxDigits) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    static RtspException bad(String reason) {
        return new RtspException(RtspStatus.BAD_REQUEST, reason);
    }
}
