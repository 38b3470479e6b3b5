package io.tributary.rtsp.header;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lexer of {@code WWW-Authenticate} and {@code Authorization} values (RFC 7235 §2.1,
 * §4.1; RFC 7616 §3.3): {@code scheme [token68 | #auth-param]}, several schemes per value.
 * Lenient as real devices need: quoted or bare values, missing spaces after commas,
 * lower-case schemes, stray commas, unterminated quotes. Never throws; what cannot be read
 * is skipped. Linear in the input.
 */
final class AuthParamParser {
    /** One scheme and its parameters, as read. */
    record Item(String scheme, Map<String, String> params) {
    }

    private final String s;
    private int i;

    private AuthParamParser(String s) {
        this.s = s;
    }

    static List<Item> parse(String value) {
        List<Item> items = new ArrayList<>();
        new AuthParamParser(value).readAll(items);
        return items;
    }

    private void readAll(List<Item> out) {
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
            out.add(new Item(scheme, params()));
        }
    }

    /** auth-params (or one token68) up to the start of the next scheme. */
    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        String token68 = token68();
        if (token68 != null) {
            params.put("", token68);
            return params;
        }
        while (true) {
            int save = i;
            skip(" \t,");
            String name = token();
            skip(" \t");
            if (name.isEmpty() || i >= s.length() || s.charAt(i) != '=') {
                i = save; // a new scheme begins here (or the end)
                return params;
            }
            i++; // '='
            skip(" \t");
            String value = i < s.length() && s.charAt(i) == '"' ? quoted() : bare();
            params.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
    }

    /**
     * A token68 right after the scheme and a space ({@code Basic dXNlcjpwYXNz}, base64 with
     * {@code /}, {@code +} and {@code =} padding), ending its list element; else null and
     * nothing consumed. After a comma a token starts a new scheme, never a token68.
     */
    private String token68() {
        int save = i;
        skip(" \t");
        if (i == save || i >= s.length() || s.charAt(i) == ',') {
            i = save;
            return null;
        }
        int start = i;
        while (i < s.length() && (isTokenChar(s.charAt(i)) || s.charAt(i) == '/')) {
            i++;
        }
        int end = i;
        while (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        if (end > start && atParamEnd()) {
            return s.substring(start, i);
        }
        i = save;
        return null;
    }

    /** Whether the text from here ends its list element (comma or end), as a token68 does. */
    private boolean atParamEnd() {
        int j = i;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        return j >= s.length() || s.charAt(j) == ',';
    }

    private String token() {
        int start = i;
        while (i < s.length() && isTokenChar(s.charAt(i))) {
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

    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** {@code true} when {@code value} can be written bare (a non-empty token). */
    static boolean isToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int k = 0; k < value.length(); k++) {
            if (!isTokenChar(value.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes {@code scheme token68} or {@code scheme a="b", c=d}: parameters named in
     * {@code bare} are written unquoted when they are tokens, the rest quoted with {@code "}
     * and {@code \} escaped. Control characters become spaces, so that a hostile value can
     * never split the header line.
     */
    static String format(String scheme, Map<String, String> params, java.util.Set<String> bare) {
        StringBuilder sb = new StringBuilder(64 + 32 * params.size()).append(scheme);
        String token68 = params.get("");
        if (token68 != null) {
            return sb.append(' ').append(clean(token68)).toString();
        }
        boolean first = true;
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(first ? " " : ", ").append(e.getKey()).append('=');
            first = false;
            String value = e.getValue();
            if (bare.contains(e.getKey()) && isToken(value)) {
                sb.append(value);
                continue;
            }
            sb.append('"');
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c < 0x20 || c == 0x7F ? ' ' : c);
            }
            sb.append('"');
        }
        return sb.toString();
    }

    private static String clean(String token68) {
        StringBuilder sb = new StringBuilder(token68.length());
        for (int k = 0; k < token68.length(); k++) {
            char c = token68.charAt(k);
            sb.append(c < 0x20 || c == 0x7F ? ' ' : c);
        }
        return sb.toString();
    }
}
