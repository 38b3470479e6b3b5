package io.tributary.rtsp.header;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One key-mgmt-spec of the {@code KeyMgmt} header (RFC 4567 §3.2), which a client sends in SETUP
 * to hand the server its keys: {@code prot=mikey;uri="rtsp://…";data="<base64>"}. The header may
 * hold several, comma-separated, one per key management protocol.
 *
 * <p>Parsing is lenient about what GStreamer and gortsplib are lenient about (quotes around
 * {@code data}, parameter order, unknown parameters, which are ignored) and strict about the rest:
 * a missing {@code prot} or {@code data}, a parameter given twice, data that is not base64 → 400.
 * The data is kept as bytes; reading the MIKEY message in it is {@code io.tributary.rtsp.mikey}'s
 * job.
 *
 * @param protocol the key management protocol id as sent, e.g. {@code mikey}
 * @param uri      the request URI the data was made for, or null when absent
 * @param data     the key management message
 */
public record KeyMgmt(String protocol, String uri, byte[] data) {
    public KeyMgmt {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(data, "data");
        if (protocol.isEmpty() || !protocol.chars().allMatch(KeyMgmt::isTokenChar)) {
            throw new IllegalArgumentException("protocol must be a token");
        }
        if (uri != null && uri.chars().anyMatch(c -> c == '"' || c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("uri must not hold quotes or control characters");
        }
        data = data.clone();
    }

    /** A MIKEY key-mgmt-spec. */
    public static KeyMgmt mikey(String uri, byte[] data) {
        return new KeyMgmt("mikey", uri, data);
    }

    public boolean isMikey() {
        return protocol.equalsIgnoreCase("mikey");
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Every key-mgmt-spec of a header value, in order. */
    public static List<KeyMgmt> parseAll(String value) {
        if (value == null || value.isBlank()) {
            throw HeaderSyntax.bad("empty KeyMgmt header");
        }
        List<KeyMgmt> specs = new ArrayList<>();
        for (String item : HeaderSyntax.split(value, ',')) {
            if (!item.isEmpty()) {
                specs.add(parseSpec(item));
            }
        }
        if (specs.isEmpty()) {
            throw HeaderSyntax.bad("empty KeyMgmt header");
        }
        return List.copyOf(specs);
    }

    private static KeyMgmt parseSpec(String item) {
        String protocol = null;
        String uri = null;
        String data = null;
        for (String param : HeaderSyntax.split(item, ';')) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            if (eq < 0) {
                throw HeaderSyntax.bad("KeyMgmt parameter without value");
            }
            String name = param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = HeaderSyntax.unquote(param.substring(eq + 1).trim());
            switch (name) {
                case "prot" -> protocol = once(protocol, v, name);
                case "uri" -> uri = once(uri, v, name);
                case "data" -> data = once(data, v, name);
                default -> {
                    // extensions of later specifications: nothing to do with them
                }
            }
        }
        if (protocol == null || protocol.isEmpty() || !protocol.chars().allMatch(KeyMgmt::isTokenChar)) {
            throw HeaderSyntax.bad("KeyMgmt without a valid prot");
        }
        if (data == null) {
            throw HeaderSyntax.bad("KeyMgmt without data");
        }
        if (uri != null && uri.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw HeaderSyntax.bad("control character in KeyMgmt uri");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw HeaderSyntax.bad("KeyMgmt data is not base64");
        }
        return new KeyMgmt(protocol, uri, bytes);
    }

    private static String once(String previous, String value, String name) {
        if (previous != null) {
            throw HeaderSyntax.bad("KeyMgmt " + name + " given twice");
        }
        return value;
    }

    /** {@code prot=mikey;uri="…";data="…"}, the form GStreamer's {@code gst_sdp_make_keymgmt} writes. */
    public String format() {
        StringBuilder sb = new StringBuilder(64 + data.length * 4 / 3).append("prot=").append(protocol);
        if (uri != null) {
            sb.append(";uri=\"").append(uri).append('"');
        }
        return sb.append(";data=\"").append(Base64.getEncoder().encodeToString(data)).append('"').toString();
    }

    /** Several specs, comma-separated. */
    public static String formatAll(List<KeyMgmt> specs) {
        StringBuilder sb = new StringBuilder();
        for (KeyMgmt spec : specs) {
            sb.append(sb.isEmpty() ? "" : ",").append(spec.format());
        }
        return sb.toString();
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyMgmt other && protocol.equals(other.protocol) && Objects.equals(uri, other.uri)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, uri, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "KeyMgmt[prot=" + protocol + ", uri=" + uri + ", " + data.length + " bytes]";
    }
}
