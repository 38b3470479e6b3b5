package io.tributary.rtsp.sdp;

import java.util.List;

/**
 * Writes a {@link SessionDescription} with CRLF line ends in RFC 4566 field order:
 * session {@code v o s i u e p c b t r z k a}, then per media {@code m i c b k a}.
 * CR and LF inside values become spaces, so no value can add a line.
 */
public final class SdpWriter {
    private SdpWriter() {
    }

    public static String write(SessionDescription sd) {
        StringBuilder sb = new StringBuilder(512);
        line(sb, 'v', Integer.toString(sd.version()));
        Origin o = sd.origin();
        if (o != null) {
            line(sb, 'o', o.username() + " " + o.sessionId() + " " + o.sessionVersion() + " " + o.netType()
                    + " " + o.addrType() + " " + o.address());
        }
        line(sb, 's', sd.sessionName().isEmpty() ? " " : sd.sessionName());
        line(sb, 'i', sd.information());
        line(sb, 'u', sd.uri());
        sd.emails().forEach(e -> line(sb, 'e', e));
        sd.phones().forEach(p -> line(sb, 'p', p));
        connection(sb, sd.connection());
        bandwidths(sb, sd.bandwidths());
        for (Timing t : sd.times()) {
            line(sb, 't', t.start() + " " + t.stop());
            t.repeats().forEach(r -> line(sb, 'r', r));
        }
        line(sb, 'z', sd.zone());
        line(sb, 'k', sd.key());
        attributes(sb, sd.attributes());
        for (SdpMedia m : sd.media()) {
            StringBuilder mline = new StringBuilder().append(m.type()).append(' ').append(m.port());
            if (m.portCount() != null) {
                mline.append('/').append(m.portCount());
            }
            mline.append(' ').append(m.protocol());
            m.formats().forEach(f -> mline.append(' ').append(f));
            line(sb, 'm', mline.toString());
            line(sb, 'i', m.information());
            connection(sb, m.connection());
            bandwidths(sb, m.bandwidths());
            line(sb, 'k', m.key());
            attributes(sb, m.attributes());
        }
        return sb.toString();
    }

    private static void connection(StringBuilder sb, Connection c) {
        if (c != null) {
            line(sb, 'c', c.netType() + " " + c.addrType() + " " + c.address());
        }
    }

    private static void bandwidths(StringBuilder sb, List<Bandwidth> bandwidths) {
        bandwidths.forEach(b -> line(sb, 'b', b.type() + ":" + b.value()));
    }

    private static void attributes(StringBuilder sb, List<Attribute> attributes) {
        attributes.forEach(a -> line(sb, 'a', a.value() == null ? a.name() : a.name() + ":" + a.value()));
    }

    private static void line(StringBuilder sb, char type, String value) {
        if (value == null) {
            return;
        }
        sb.append(type).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(c == '\r' || c == '\n' ? ' ' : c);
        }
        sb.append("\r\n");
    }
}
