package io.tributary.rtsp.header;

import java.util.ArrayList;
import java.util.List;

/**
 * One address of RTSP 2.0's {@code dest_addr} and {@code src_addr} transport parameters
 * (RFC 7826 §18.54): {@code "192.0.2.5:5000"}, {@code "[2001:db8::1]:5000"} or {@code ":5000"}
 * (the port on the requester's own address). A list is separated by {@code /}: the RTP
 * address, then the RTCP one.
 *
 * @param host the host as written (IPv6 without brackets), empty when only a port was given
 * @param port the port, 1–65535
 */
public record TransportAddress(String host, int port) {
    /** More than RTP and RTCP is no transport this server knows. */
    private static final int MAX_ADDRESSES = 4;
    private static final int MAX_HOST_LENGTH = 255;

    public TransportAddress {
        if (host == null || host.length() > MAX_HOST_LENGTH || port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad transport address " + host + ":" + port);
        }
    }

    /** Parses a {@code /}-separated list of quoted addresses; 400 when malformed. */
    public static List<TransportAddress> parseList(String value) {
        if (value == null || value.isEmpty()) {
            throw HeaderSyntax.bad("empty address list");
        }
        List<TransportAddress> addresses = new ArrayList<>();
        for (String quoted : value.split("/", -1)) {
            String item = quoted.trim();
            if (addresses.size() == MAX_ADDRESSES || item.length() < 3 || item.charAt(0) != '"'
                    || item.charAt(item.length() - 1) != '"') {
                throw HeaderSyntax.bad("malformed address list");
            }
            addresses.add(parse(item.substring(1, item.length() - 1)));
        }
        return List.copyOf(addresses);
    }

    /** The list as RTSP 2.0 writes it: {@code "host:port"/"host:port"}. */
    public static String formatList(List<TransportAddress> addresses) {
        StringBuilder sb = new StringBuilder();
        for (TransportAddress address : addresses) {
            sb.append(sb.isEmpty() ? "" : "/").append('"').append(address).append('"');
        }
        return sb.toString();
    }

    private static TransportAddress parse(String s) {
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            throw HeaderSyntax.bad("an address without port");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw HeaderSyntax.bad("an IPv6 address needs brackets");
        }
        long port = HeaderSyntax.number(s.substring(colon + 1), 5);
        if (port < 1 || port > 65535 || host.length() > MAX_HOST_LENGTH
                || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '%')) {
            throw HeaderSyntax.bad("bad address in transport");
        }
        return new TransportAddress(host, (int) port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
