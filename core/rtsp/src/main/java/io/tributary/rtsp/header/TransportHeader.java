package io.tributary.rtsp.header;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Transport} header (RFC 2326 §12.39, RFC 7826 §18.54): a comma-separated list of
 * specs in the client's order of preference.
 *
 * <p>Profiles are kept as sent (the RTP ones in canonical upper case), so the engine can skip
 * specs whose {@link TransportSpec#profileKey()} no transport serves. Errors:
 * <ul>
 *   <li>syntax errors anywhere (bad numbers, port ranges, unbalanced quotes, an empty
 *       header) → 400: a client that sends them has a bug that choosing another spec
 *       would hide;</li>
 *   <li>a lower transport other than UDP or TCP ({@code RTP/AVP/DCCP}) cannot be
 *       represented: that spec is dropped; when no spec remains → 461.</li>
 * </ul>
 */
public final class TransportHeader {
    /** RTSP 2.0's destination addresses (RFC 7826 §18.54), kept in {@link TransportSpec#extensions()}. */
    public static final String DEST_ADDR = "dest_addr";
    /** RTSP 2.0's source addresses, kept in {@link TransportSpec#extensions()}. */
    public static final String SRC_ADDR = "src_addr";
    private static final List<String> KNOWN_PROFILES =
            List.of("RTP/AVP", "RTP/SAVP", "RTP/AVPF", "RTP/SAVPF");

    private TransportHeader() {
    }

    public static List<TransportSpec> parse(String value) {
        if (value == null || value.isBlank()) {
            throw HeaderSyntax.bad("empty Transport header");
        }
        List<TransportSpec> specs = new ArrayList<>();
        boolean dropped = false;
        for (String item : HeaderSyntax.split(value, ',')) {
            if (item.isEmpty()) {
                continue;
            }
            TransportSpec spec = parseSpec(item);
            if (spec == null) {
                dropped = true;
            } else {
                specs.add(spec);
            }
        }
        if (specs.isEmpty()) {
            throw dropped ? new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT, "no supported lower transport")
                    : HeaderSyntax.bad("empty Transport header");
        }
        return List.copyOf(specs);
    }

    /** One spec, or null when its lower transport is neither UDP nor TCP. */
    private static TransportSpec parseSpec(String item) {
        List<String> params = HeaderSyntax.split(item, ';');
        String[] protocol = params.get(0).split("/", -1);
        if (protocol.length < 2 || protocol.length > 3) {
            throw HeaderSyntax.bad("malformed transport protocol");
        }
        for (String part : protocol) {
            if (part.isEmpty() || !part.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                throw HeaderSyntax.bad("malformed transport protocol");
            }
        }
        String profile = protocol[0] + "/" + protocol[1];
        for (String known : KNOWN_PROFILES) {
            if (known.equalsIgnoreCase(profile)) {
                profile = known;
            }
        }
        LowerTransport lower = LowerTransport.UDP;
        boolean supported = true;
        if (protocol.length == 3) {
            if (protocol[2].equalsIgnoreCase("TCP")) {
                lower = LowerTransport.TCP;
            } else if (!protocol[2].equalsIgnoreCase("UDP")) {
                supported = false;
            }
        }

        boolean multicast = false;
        String destination = null;
        String source = null;
        PortRange clientPort = null;
        PortRange serverPort = null;
        PortRange port = null;
        PortRange interleaved = null;
        Integer ttl = null;
        String ssrc = null;
        String mode = null;
        Map<String, String> extensions = new LinkedHashMap<>();
        for (String param : params.subList(1, params.size())) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).trim();
            if (name.isEmpty() || name.indexOf('"') >= 0) {
                throw HeaderSyntax.bad("malformed transport parameter");
            }
            String lowerName = name.toLowerCase(Locale.ROOT);
            if (eq >= 0 && (lowerName.equals(DEST_ADDR) || lowerName.equals(SRC_ADDR))) {
                // RTSP 2.0: a list of quoted addresses, kept as written once checked
                String list = param.substring(eq + 1).trim();
                TransportAddress.parseList(list);
                extensions.put(lowerName, list);
                continue;
            }
            String value = eq < 0 ? null : HeaderSyntax.unquote(param.substring(eq + 1).trim());
            switch (lowerName) {
                case "unicast" -> multicast = false;
                case "multicast" -> multicast = true;
                case "destination" -> destination = value;
                case "source" -> source = value;
                case "client_port" -> clientPort = range(value, 65535);
                case "server_port" -> serverPort = range(value, 65535);
                case "port" -> port = range(value, 65535);
                case "interleaved" -> interleaved = range(value, 255);
                case "ttl" -> {
                    long n = HeaderSyntax.number(value, 3);
                    if (n < 0 || n > 255) {
                        throw HeaderSyntax.bad("bad ttl");
                    }
                    ttl = (int) n;
                }
                case "ssrc" -> {
                    if (value == null || value.isEmpty()) {
                        throw HeaderSyntax.bad("bad ssrc");
                    }
                    ssrc = value;
                }
                case "mode" -> {
                    if (value == null || value.isBlank()) {
                        throw HeaderSyntax.bad("bad mode");
                    }
                    mode = value.trim().toUpperCase(Locale.ROOT);
                }
                default -> extensions.put(name, value == null ? "" : value);
            }
        }
        if (!supported) {
            return null;
        }
        return new TransportSpec(profile, lower, multicast, destination, source, clientPort, serverPort,
                port, interleaved, ttl, ssrc, mode, extensions);
    }

    private static PortRange range(String value, int max) {
        if (value != null) {
            int dash = value.indexOf('-');
            long first = HeaderSyntax.number(dash < 0 ? value : value.substring(0, dash), 5);
            long last = dash < 0 ? first : HeaderSyntax.number(value.substring(dash + 1), 5);
            if (first >= 0 && last >= first && last <= max) {
                return new PortRange((int) first, (int) last);
            }
        }
        throw HeaderSyntax.bad("bad port or channel range");
    }

    /**
     * One spec as a server answers it: profile ({@code /TCP} added for TCP, nothing for UDP),
     * {@code unicast} or {@code multicast}, the set parameters, then the extensions.
     */
    public static String format(TransportSpec spec) {
        StringBuilder sb = new StringBuilder(96).append(spec.profile());
        if (spec.lower() == LowerTransport.TCP) {
            sb.append("/TCP");
        }
        sb.append(spec.multicast() ? ";multicast" : ";unicast");
        param(sb, "destination", spec.destination());
        param(sb, "source", spec.source());
        param(sb, "interleaved", spec.interleaved());
        param(sb, "client_port", spec.clientPort());
        param(sb, "server_port", spec.serverPort());
        param(sb, "port", spec.port());
        param(sb, "ttl", spec.ttl());
        param(sb, "ssrc", spec.ssrc());
        if (spec.mode() != null) {
            sb.append(";mode=\"").append(spec.mode()).append('"');
        }
        spec.extensions().forEach((name, value) -> {
            sb.append(';').append(name);
            if (!value.isEmpty()) {
                sb.append('=').append(HeaderSyntax.quoteIfNeeded(value));
            }
        });
        return sb.toString();
    }

    /** Several specs, comma-separated. */
    public static String format(List<TransportSpec> specs) {
        StringBuilder sb = new StringBuilder();
        for (TransportSpec spec : specs) {
            sb.append(sb.isEmpty() ? "" : ",").append(format(spec));
        }
        return sb.toString();
    }

    private static void param(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(';').append(name).append('=').append(HeaderSyntax.quoteIfNeeded(value.toString()));
        }
    }
}
