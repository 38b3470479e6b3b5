package io.tributary.api.path;

import java.util.ArrayList;
import java.util.List;

/**
 * A path pattern: an absolute path whose segments are literal, {@code *} (exactly one
 * segment) or {@code **} (any number of segments, none included). {@code /cams/**} matches
 * {@code /cams}, {@code /cams/a} and {@code /cams/a/b}; {@code /**} matches every path,
 * {@code /} included. Trailing slashes mean nothing, on patterns and on paths (the engine
 * removes them from request paths too). Matching is case-sensitive and on the decoded path.
 *
 * @param text     the pattern as written, without trailing slashes
 * @param segments its segments: literal text, {@link #ONE} or {@link #ANY}
 */
public record PathPattern(String text, List<String> segments) {
    /** The segment that matches exactly one path segment. */
    public static final String ONE = "*";
    /** The segment that matches any number of path segments. */
    public static final String ANY = "**";
    /** Longest pattern accepted: paths are at most a few kilobytes long anyway. */
    public static final int MAX_LENGTH = 1024;

    public PathPattern {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException when it is not an absolute path, holds whitespace, a
     *                                  comma or a control character, uses {@code *} inside a
     *                                  segment, or holds {@code ${} (FileInstall would replace it)
     */
    public static PathPattern parse(String text) {
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
        if (text.contains("${")) {
            throw new IllegalArgumentException("path pattern \"" + text + "\" holds \"${\", which the configuration"
                    + " reader would replace");
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

    /**
     * {@code true} when the path matches. A path that does not start with {@code /} (such as
     * {@code *} of {@code OPTIONS *}) matches no pattern.
     */
    public boolean matches(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        List<String> parts = split(withoutTrailingSlashes(path));
        // Wildcard matching with one backtrack point (the last **): ** is to segments what
        // * is to characters in a glob, * is what ? is. Time O(pattern × path) at worst,
        // whatever the input: no regular expression, no exponential backtracking.
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

    /** The segments of a path that starts with / and has no trailing slash; none for {@code /}. */
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
