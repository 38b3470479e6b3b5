package io.tributary.client.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code WWW-Authenticate} values into challenges (RFC 7235 §4.1, RFC 7616 §3.3):
 * several headers, several challenges per header ({@code Digest realm="a", nonce="b", Basic
 * realm="c"}), quoted or bare values, missing spaces after commas, lower-case schemes, stray
 * commas. Never throws; what cannot be read is skipped. Linear in the input.
 */
public final class ChallengeParser {
    private final String s;
    private int i;

    private ChallengeParser(String s) {
        this.s = s;
    }

    public static List<Challenge> parse(List<String> headerValues) {
        List<Challenge> challenges = new ArrayList<>();
        for (String value : headerValues) {
            if (value != null) {
                new ChallengeParser(value).readAll(challenges);
            }
        }
        return List.copyOf(challenges);
    }

    private void readAll(List<Challenge> out) {
        while (true) {
            skip(" \t,");
            if (i >= s.length()) {
                return;
            }
            String scheme = token();
            if (scheme.isEmpty()) {
                i++; // junk character: step over it
                continue;
            }
            out.add(new Challenge(scheme, params()));
        }
    }

    /** auth-params (or one token68) up to the start of the next challenge. */
    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        boolean first = true;
        while (true) {
            int save = i;
            skip(" \t");
            // a token68 follows its scheme after a space; after a comma a token is a new scheme
            boolean token68Allowed = first && i > save && (i >= s.length() || s.charAt(i) != ',');
            first = false;
            skip(" \t,");
            String name = token();
            skip(" \t");
            if (name.isEmpty() || i >= s.length() || s.charAt(i) != '=') {
                if (!name.isEmpty() && token68Allowed && atParamEnd()) {
                    params.put("", name); // token68 as in "Negotiate abc", or a bare flag
                    continue;
                }
                i = save; // a new challenge begins here (or the end)
                return params;
            }
            i++; // '='
            if (i < s.length() && s.charAt(i) == '=') {
                // token68 padding such as "abc==": not a parameter
                while (i < s.length() && s.charAt(i) == '=') {
                    i++;
                }
                params.put("", name);
                continue;
            }
            skip(" \t");
            String value = i < s.length() && s.charAt(i) == '"' ? quoted() : bare();
            params.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
    }

    /** Whether the token just read ends its list element (comma or end), as a token68 does. */
    private boolean atParamEnd() {
        int j = i;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        return j >= s.length() || s.charAt(j) == ',';
    }

    private String token() {
        int start = i;
        while (i < s.length() && isTchar(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    /** A quoted-string with backslash escapes; an unterminated one runs to the end. */
    private String quoted() {
        StringBuilder sb = new StringBuilder();
        i++; // opening quote
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && i < s.length()) {
                c = s.charAt(i++);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** An unquoted value up to the next comma (cameras put spaces in bare realms). */
    private String bare() {
        int start = i;
        while (i < s.length() && s.charAt(i) != ',') {
            i++;
        }
        return s.substring(start, i).trim();
    }

    private void skip(String chars) {
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
