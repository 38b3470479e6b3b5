package io.tributary.auth.users.internal.permit;

import io.tributary.api.path.PathPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Reads permissions: {@code <action>:<path pattern>[ tls][ from <range> <range> ...]}, several
 * separated by commas, e.g. {@code read:/cams/**, publish:/cams/alice from 10.0.0.0/8 ::1}.
 * The action is {@code read}, {@code publish} or {@code admin}; whitespace may surround each
 * part. A blank text is no permissions. Path patterns therefore hold no commas or whitespace.
 */
public final class PermitParser {
    /** More permissions than this in one text are refused (a user needs a handful). */
    public static final int MAX_PERMITS = 1000;
    /** More address ranges than this in one permission are refused. */
    public static final int MAX_RANGES = 256;
    /** Longest entry quoted in an error message. */
    private static final int QUOTE_LIMIT = 120;

    private PermitParser() {
    }

    /**
     * All the permissions of a text, or none: the command line's way.
     *
     * @throws IllegalArgumentException naming the first bad permission and what is wrong with it
     */
    public static List<Permit> parseAll(String text) {
        List<Permit> permits = new ArrayList<>();
        for (String entry : entries(text)) {
            permits.add(parse(entry));
        }
        return List.copyOf(permits);
    }

    /**
     * The good permissions of a text: configuration's way, where one typo must not lock
     * everybody out. Each bad entry is passed to {@code onBad} (quoted, for a message) with the
     * reason, and skipped.
     */
    public static List<Permit> parseValid(String text, BiConsumer<String, String> onBad) {
        List<Permit> permits = new ArrayList<>();
        List<String> entries;
        try {
            entries = entries(text);
        } catch (IllegalArgumentException tooMany) {
            onBad.accept(quote(text), tooMany.getMessage());
            return List.of();
        }
        for (String entry : entries) {
            try {
                permits.add(parseEntry(entry.strip()));
            } catch (IllegalArgumentException bad) {
                onBad.accept(quote(entry), printable(bad.getMessage()));
            }
        }
        return List.copyOf(permits);
    }

    /**
     * One permission.
     *
     * @throws IllegalArgumentException saying which permission is bad and why
     */
    public static Permit parse(String entry) {
        try {
            return parseEntry(entry.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad permission " + quote(entry) + ": " + printable(e.getMessage()), e);
        }
    }

    /** The canonical text of permissions, which {@link #parseAll} reads back to equal permissions. */
    public static String format(List<Permit> permits) {
        return permits.stream().map(Permit::toString).collect(Collectors.joining(", "));
    }

    private static Permit parseEntry(String entry) {
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("empty (two commas in a row, or one at the end?)");
        }
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected <action>:<path pattern>[ tls][ from <range> ...],"
                    + " e.g. read:/cams/**");
        }
        String word = entry.substring(0, colon).strip();
        Action action = Action.ofToken(word).orElseThrow(() -> new IllegalArgumentException(
                "unknown action \"" + word + "\" (read, publish or admin)"));
        List<String> words = words(entry.substring(colon + 1));
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no path pattern after \"" + word + ":\"");
        }
        PathPattern pattern = PathPattern.parse(words.get(0));
        boolean tls = words.size() > 1 && words.get(1).equals("tls");
        int next = tls ? 2 : 1;
        if (words.size() == next) {
            return new Permit(action, pattern, tls, List.of());
        }
        if (!words.get(next).equals("from")) {
            throw new IllegalArgumentException("expected " + (tls ? "" : "\"tls\" or ") + "\"from\" after the path"
                    + " pattern, not \"" + words.get(next) + "\" (a path pattern holds no spaces)");
        }
        if (words.size() == next + 1) {
            throw new IllegalArgumentException("\"from\" needs at least one address range, e.g. from 10.0.0.0/8 ::1");
        }
        if (words.size() - next - 1 > MAX_RANGES) {
            throw new IllegalArgumentException("more than " + MAX_RANGES + " address ranges");
        }
        List<AddressRange> ranges = new ArrayList<>();
        for (String range : words.subList(next + 1, words.size())) {
            ranges.add(AddressRange.parse(range));
        }
        return new Permit(action, pattern, tls, ranges);
    }

    /** The comma-separated entries, none for a blank text. */
    private static List<String> entries(String text) {
        List<String> entries = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return entries;
        }
        int start = 0;
        while (true) {
            int comma = text.indexOf(',', start);
            entries.add(comma < 0 ? text.substring(start) : text.substring(start, comma));
            if (entries.size() > MAX_PERMITS) {
                throw new IllegalArgumentException("more than " + MAX_PERMITS + " permissions");
            }
            if (comma < 0) {
                return entries;
            }
            start = comma + 1;
        }
    }

    /** Whitespace-separated words. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(text.substring(start, i));
            }
        }
        return words;
    }

    /** The entry for a one-line message: shortened, control characters shown as '?'. */
    private static String quote(String entry) {
        String stripped = entry.strip();
        String shown = stripped.length() > QUOTE_LIMIT ? stripped.substring(0, QUOTE_LIMIT) + "..." : stripped;
        return "\"" + printable(shown) + "\"";
    }

    /** The text with control characters (line breaks included) shown as '?', for one-line messages. */
    private static String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            printable.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return printable.toString();
    }
}
