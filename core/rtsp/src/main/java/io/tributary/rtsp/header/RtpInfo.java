package io.tributary.rtsp.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the {@code RTP-Info} header (RFC 2326 §12.33): which sequence number and RTP
 * timestamp start the stream of one track after PLAY, so clients can sync.
 *
 * <p>Formatted in the RFC 2326 form that all 1.0 clients parse
 * ({@code url=rtsp://h/p/trackID=0;seq=123;rtptime=456}, URLs unquoted). The parser also
 * reads RFC 7826's form ({@code url="…" ssrc=0A13C760:seq=1;rtptime=2}, first SSRC block).
 *
 * @param url     the track's control URL
 * @param seq     the first sequence number (0–65535), or null
 * @param rtptime the RTP timestamp matching the Range start (0–2^32-1), or null
 * @param ssrc    the track's SSRC (0–2^32-1), or null; RTSP 2.0's form names it
 */
public record RtpInfo(String url, Integer seq, Long rtptime, Long ssrc) {
    public RtpInfo {
        Objects.requireNonNull(url, "url");
        if (ssrc != null && (ssrc < 0 || ssrc > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("ssrc " + ssrc);
        }
        if (seq != null && (seq < 0 || seq > 0xFFFF)) {
            throw new IllegalArgumentException("seq " + seq);
        }
        if (rtptime != null && (rtptime < 0 || rtptime > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("rtptime " + rtptime);
        }
    }

    /** An entry without SSRC (RFC 2326's form). */
    public RtpInfo(String url, Integer seq, Long rtptime) {
        this(url, seq, rtptime, null);
    }

    /** RFC 2326's form, which every RTSP 1.0 client parses: {@code url=…;seq=…;rtptime=…}. */
    public static String format(List<RtpInfo> entries) {
        StringBuilder sb = new StringBuilder();
        for (RtpInfo e : entries) {
            sb.append(sb.isEmpty() ? "" : ",").append("url=").append(e.url);
            if (e.seq != null) {
                sb.append(";seq=").append(e.seq);
            }
            if (e.rtptime != null) {
                sb.append(";rtptime=").append(e.rtptime);
            }
        }
        return sb.toString();
    }

    /**
     * RFC 7826 §18.45's form: {@code url="…" ssrc=0A13C760:seq=45102;rtptime=12345678}, the URL
     * quoted (so it may hold commas and semicolons); entries without SSRC carry only the URL.
     */
    public static String format2(List<RtpInfo> entries) {
        StringBuilder sb = new StringBuilder();
        for (RtpInfo e : entries) {
            sb.append(sb.isEmpty() ? "" : ", ").append("url=\"").append(e.url).append('"');
            if (e.ssrc != null) {
                sb.append(" ssrc=").append(String.format("%08X", e.ssrc));
                String separator = ":";
                if (e.seq != null) {
                    sb.append(separator).append("seq=").append(e.seq);
                    separator = ";";
                }
                if (e.rtptime != null) {
                    sb.append(separator).append("rtptime=").append(e.rtptime);
                }
            }
        }
        return sb.toString();
    }

    /**
     * Parses the entries. A URL ends at the first {@code ;seq=}, {@code ;rtptime=} or
     * {@code ;ssrc=}, and an entry at a comma followed by {@code url=}, so URLs may hold
     * commas and semicolons. Errors → 400.
     */
    public static List<RtpInfo> parse(String value) {
        if (value == null || value.isBlank()) {
            throw HeaderSyntax.bad("empty RTP-Info");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        List<Integer> starts = new ArrayList<>();
        for (int i = lower.indexOf("url="); i >= 0; i = lower.indexOf("url=", i + 4)) {
            int before = i - 1;
            while (before >= 0 && Character.isWhitespace(value.charAt(before))) {
                before--;
            }
            if (before < 0 ? starts.isEmpty() : value.charAt(before) == ',' && !starts.isEmpty()) {
                starts.add(i);
            }
        }
        if (starts.isEmpty()) {
            throw HeaderSyntax.bad("RTP-Info must start with url=");
        }
        List<RtpInfo> entries = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int to = k + 1 < starts.size() ? value.lastIndexOf(',', starts.get(k + 1)) : value.length();
            entries.add(entry(value.substring(starts.get(k) + 4, to).trim()));
        }
        return List.copyOf(entries);
    }

    private static RtpInfo entry(String s) {
        String url;
        String params;
        Long ssrc = null;
        if (s.startsWith("\"")) {
            int close = s.indexOf('"', 1);
            if (close < 0) {
                throw HeaderSyntax.bad("unbalanced quotes in RTP-Info");
            }
            url = s.substring(1, close);
            params = s.substring(close + 1).trim();
            if (params.regionMatches(true, 0, "ssrc=", 0, 5)) {
                // RFC 7826: url="…" ssrc=0A13C760:seq=45102;rtptime=12345678 [ssrc=…]; the first block is read
                int colon = params.indexOf(':');
                int space = params.indexOf(' ');
                int end = space < 0 ? params.length() : space;
                String hex = params.substring(5, colon < 0 || colon > end ? end : colon).trim();
                if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw HeaderSyntax.bad("bad ssrc in RTP-Info");
                }
                ssrc = Long.parseLong(hex, 16);
                params = colon < 0 || colon > end ? "" : ";" + params.substring(colon + 1, end);
            }
        } else {
            String lower = s.toLowerCase(Locale.ROOT);
            int end = s.length();
            for (String key : List.of(";seq=", ";rtptime=", ";ssrc=")) {
                int at = lower.indexOf(key);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            url = s.substring(0, end).trim();
            params = s.substring(end);
        }
        if (url.isEmpty() || (!params.isEmpty() && params.charAt(0) != ';')) {
            throw HeaderSyntax.bad("malformed RTP-Info entry");
        }
        Integer seq = null;
        Long rtptime = null;
        for (String param : params.split(";")) {
            int eq = param.indexOf('=');
            String name = eq < 0 ? param.trim() : param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : param.substring(eq + 1).trim();
            if (name.equals("seq")) {
                long n = HeaderSyntax.number(v, 5);
                if (n < 0 || n > 0xFFFF) {
                    throw HeaderSyntax.bad("bad seq in RTP-Info");
                }
                seq = (int) n;
            } else if (name.equals("rtptime")) {
                long n = HeaderSyntax.number(v, 10);
                if (n < 0 || n > 0xFFFF_FFFFL) {
                    throw HeaderSyntax.bad("bad rtptime in RTP-Info");
                }
                rtptime = n;
            }
        }
        return new RtpInfo(url, seq, rtptime, ssrc);
    }
}
