package io.tributary.rtsp.sdp;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses SDP as cameras, encoders and RTSP clients really write it.
 *
 * <p>Tolerant: LF or CRLF line ends, trailing whitespace, blank lines, fields in any order
 * within their section, missing {@code o=}, {@code s=} or {@code t=}, unknown type
 * letters (skipped). Strict: the first line is {@code v=0}; every other line is
 * {@code <letter>=<value>}; single fields appear once per section; session-only fields
 * ({@code v o s u e p t r z}) do not appear in a media section; {@code o c b t m} lines
 * have their fields; numbers are numbers. Each violation is an {@link RtspException} 400
 * whose reason names the line number.
 */
public final class SdpParser {
    private SdpParser() {
    }

    public static SessionDescription parse(String text) {
        if (text == null) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "SDP: empty");
        }
        Session s = new Session();
        Media m = null;
        boolean seenVersion = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw error(n, "not a <type>=<value> line");
            }
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (c < 0x20 && c != '\t') {
                    throw error(n, "control character");
                }
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (!seenVersion) {
                if (type != 'v' || !value.trim().equals("0")) {
                    throw error(n, "SDP must start with v=0");
                }
                seenVersion = true;
                continue;
            }
            if (m != null && "vosueptrz".indexOf(type) >= 0) {
                throw error(n, "'" + type + "=' not allowed in a media section");
            }
            switch (type) {
                case 'v' -> throw error(n, "duplicate v=");
                case 'o' -> s.origin = once(n, s.origin, origin(n, value));
                case 's' -> s.name = once(n, s.name, value.strip());
                case 'i' -> {
                    if (m == null) {
                        s.information = once(n, s.information, value);
                    } else {
                        m.information = once(n, m.information, value);
                    }
                }
                case 'u' -> s.uri = once(n, s.uri, value);
                case 'e' -> s.emails.add(value);
                case 'p' -> s.phones.add(value);
                case 'c' -> {
                    Connection c = connection(n, value);
                    if (m == null) {
                        s.connection = once(n, s.connection, c);
                    } else if (m.connection == null) {
                        m.connection = c; // further c= lines (layered multicast) are not modelled
                    }
                }
                case 'b' -> (m == null ? s.bandwidths : m.bandwidths).add(bandwidth(n, value));
                case 't' -> s.times.add(timing(n, value));
                case 'r' -> {
                    if (s.times.isEmpty()) {
                        throw error(n, "r= before t=");
                    }
                    Timing last = s.times.removeLast();
                    List<String> repeats = new ArrayList<>(last.repeats());
                    repeats.add(value);
                    s.times.add(new Timing(last.start(), last.stop(), repeats));
                }
                case 'z' -> s.zone = once(n, s.zone, value);
                case 'k' -> {
                    if (m == null) {
                        s.key = once(n, s.key, value);
                    } else {
                        m.key = once(n, m.key, value);
                    }
                }
                case 'a' -> (m == null ? s.attributes : m.attributes).add(attribute(n, value));
                case 'm' -> {
                    if (m != null) {
                        s.media.add(m.build());
                    }
                    m = media(n, value);
                }
                default -> {
                    // unknown type letters are skipped (RFC 4566 would drop the whole SDP)
                }
            }
        }
        if (!seenVersion) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "SDP: empty");
        }
        if (m != null) {
            s.media.add(m.build());
        }
        return new SessionDescription(0, s.origin, s.name, s.information, s.uri, s.emails, s.phones,
                s.connection, s.bandwidths, s.times, s.zone, s.key, s.attributes, s.media);
    }

    private static <T> T once(int line, T previous, T value) {
        if (previous != null) {
            throw error(line, "field repeated");
        }
        return value;
    }

    private static Origin origin(int line, String value) {
        String[] f = value.trim().split("\\s+");
        if (f.length != 6) {
            throw error(line, "o= needs 6 fields");
        }
        return new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
    }

    private static Connection connection(int line, String value) {
        String[] f = value.trim().split("\\s+");
        if (f.length != 3) {
            throw error(line, "c= needs 3 fields");
        }
        return new Connection(f[0], f[1], f[2]);
    }

    private static Bandwidth bandwidth(int line, String value) {
        int colon = value.indexOf(':');
        long bw = colon <= 0 ? -1 : number(value.substring(colon + 1).trim());
        if (bw < 0 || value.substring(0, colon).isBlank()) {
            throw error(line, "b= needs <type>:<number>");
        }
        return new Bandwidth(value.substring(0, colon).trim(), bw);
    }

    private static Timing timing(int line, String value) {
        String[] f = value.trim().split("\\s+");
        long start = f.length == 2 ? number(f[0]) : -1;
        long stop = f.length == 2 ? number(f[1]) : -1;
        if (start < 0 || stop < 0) {
            throw error(line, "t= needs two numbers");
        }
        return new Timing(start, stop, List.of());
    }

    private static Attribute attribute(int line, String value) {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        if (name.isEmpty() || name.isBlank()) {
            throw error(line, "a= without name");
        }
        return new Attribute(name, colon < 0 ? null : value.substring(colon + 1));
    }

    private static Media media(int line, String value) {
        String[] f = value.trim().split("\\s+");
        if (f.length < 3) {
            throw error(line, "m= needs <media> <port> <proto> <fmt>...");
        }
        Media m = new Media();
        m.type = f[0];
        int slash = f[1].indexOf('/');
        long port = number(slash < 0 ? f[1] : f[1].substring(0, slash));
        long count = slash < 0 ? 1 : number(f[1].substring(slash + 1));
        if (port < 0 || port > 65535 || count < 1 || count > 65535) {
            throw error(line, "bad m= port");
        }
        m.port = (int) port;
        m.portCount = slash < 0 ? null : (int) count;
        m.protocol = f[2];
        m.formats = List.of(f).subList(3, f.length);
        return m;
    }

    /** A non-negative decimal that fits a long, or -1. */
    private static long number(String s) {
        if (s.isEmpty() || s.length() > 18) {
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

    private static RtspException error(int line, String what) {
        return new RtspException(RtspStatus.BAD_REQUEST, "SDP line " + line + ": " + what);
    }

    private static final class Session {
        Origin origin;
        String name;
        String information;
        String uri;
        final List<String> emails = new ArrayList<>();
        final List<String> phones = new ArrayList<>();
        Connection connection;
        final List<Bandwidth> bandwidths = new ArrayList<>();
        final List<Timing> times = new ArrayList<>();
        String zone;
        String key;
        final List<Attribute> attributes = new ArrayList<>();
        final List<SdpMedia> media = new ArrayList<>();
    }

    private static final class Media {
        String type;
        int port;
        Integer portCount;
        String protocol;
        List<String> formats;
        String information;
        Connection connection;
        final List<Bandwidth> bandwidths = new ArrayList<>();
        String key;
        final List<Attribute> attributes = new ArrayList<>();

        SdpMedia build() {
            return new SdpMedia(type, port, portCount, protocol, formats, information, connection,
                    bandwidths, key, attributes);
        }
    }
}
