package io.tributary.transports.multicast.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A path pattern in the style of the users' permissions: an absolute path whose segments are
 * literal, {@code *} (exactly one segment) or {@code **} (any number of segments, none
 * included). {@code /live/**} matches {@code /live}, {@code /live/a} and {@code /live/a/b};
 * {@code /**} matches every path. Trailing slashes mean nothing; matching is case-sensitive.
 *
 * @param text     the pattern as written, without trailing slashes
 * @param segments its segments: literal text, {@link #ONE} or {@link #ANY}
 */
record PathPattern(String text, List<String> segments) {
    static final String ONE = "*";
    static final String ANY = "**";
    static final int MAX_LENGTH = 1024;

    PathPattern {
        segments = List.copyOf(segments);
    }

    /**
     * @throws IllegalArgumentException when it is not an absolute path, holds whitespace, a comma
     *                                  or a control character, or uses {@code *} inside a segment
     */
    static PathPattern parse(String text) {
        if (text.isEmpty() || text.charAt(0) != '/') {
            throw new IllegalArgumentException("path pattern \"" + text + "\" does not start with /");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("path pattern longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == ',') {
                throw new IllegalArgumentException("path pattern \"" + text + "\" holds a space, comma or control"
                        + " character");
            }
        }
        String trimmed = withoutTrailingSlashes(text);
        List<String> segments = split(trimmed);
        for (String segment : segments) {
            if (segment.indexOf('*') >= 0 && !segment.equals(ONE) && !segment.equals(ANY)) {
                throw new IllegalArgumentException("path pattern \"" + text + "\": * must be a whole segment"
                        + " (/* or /**), not part of \"" + segment + "\"");
            }
        }
        return new PathPattern(trimmed, segments);
    }

    /** {@code true} when the path matches; a path that does not start with / matches nothing. */
    boolean matches(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        List<String> parts = split(withoutTrailingSlashes(path));
        // ** is to segments what * is to characters in a glob: one backtrack point (the last **),
        // O(pattern × path) at worst, no regular expression.
        int p = 0;
        int s = 0;
        int anyAt = -1;
        int resumeAt = 0;
        while (s < parts.size()) {
            String segment = p < segments.size() ? segments.get(p) : null;
            if (ANY.equals(segment)) {
                anyAt = p++;
                resumeAt = s;
            } else if (segment != null && (segment.equals(ONE) || segment.equals(parts.get(s)))) {
                p++;
                s++;
            } else if (anyAt >= 0) {
                p = anyAt + 1;
                s = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < segments.size() && segments.get(p).equals(ANY)) {
            p++;
        }
        return p == segments.size();
    }

    @Override
    public String toString() {
        return text;
    }

    private static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        if (path.length() == 1) {
            return parts;
        }
        int start = 1;
        while (true) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                parts.add(path.substring(start));
                return parts;
            }
            parts.add(path.substring(start, slash));
            start = slash + 1;
        }
    }
}
