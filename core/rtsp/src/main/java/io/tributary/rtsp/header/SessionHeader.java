package io.tributary.rtsp.header;

/**
 * The {@code Session} header (RFC 2326 §12.37, RFC 7826 §18.49): {@code abc123;timeout=60}.
 *
 * @param id             the session id: 1–256 visible ASCII characters other than {@code ;}
 *                       and {@code ,} (RFC 7826 allows a few more than RFC 2326; we accept
 *                       what either allows)
 * @param timeoutSeconds the {@code timeout} parameter, or null
 */
public record SessionHeader(String id, Integer timeoutSeconds) {
    public SessionHeader {
        if (id == null || id.isEmpty() || id.length() > 256) {
            throw new IllegalArgumentException("session id length");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == ';' || c == ',' || c == '"') {
                throw new IllegalArgumentException("session id character");
            }
        }
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            throw new IllegalArgumentException("session timeout must be positive");
        }
    }

    /** Parses a {@code Session} value; unknown parameters are ignored; errors → 400. */
    public static SessionHeader parse(String value) {
        if (value == null) {
            throw HeaderSyntax.bad("no Session header");
        }
        String[] parts = value.split(";", -1);
        Integer timeout = null;
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("timeout")) {
                long n = HeaderSyntax.number(param.substring(eq + 1).trim(), 9);
                if (n < 1) {
                    throw HeaderSyntax.bad("bad session timeout");
                }
                timeout = (int) n;
            }
        }
        try {
            return new SessionHeader(parts[0].trim(), timeout);
        } catch (IllegalArgumentException e) {
            throw HeaderSyntax.bad("bad session id");
        }
    }

    /** {@code id} or {@code id;timeout=60}. */
    public String format() {
        return timeoutSeconds == null ? id : id + ";timeout=" + timeoutSeconds;
    }
}
