package io.tributary.rtsp.header;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The {@code Range} header (RFC 2326 §3.5–3.7 and §12.29, RFC 7826 §4.4 and §18.40).
 *
 * <p>Supported: {@code npt} (seconds or {@code h:mm:ss.frac}, start {@code now}) and
 * {@code clock} ({@code 20261124T101500.5Z}). A {@code ;time=} parameter is ignored.
 * Errors:
 * <ul>
 *   <li>SMPTE and unknown units → 457: the value may be fine, we cannot serve it;</li>
 *   <li>an end before the start, a number too large for a time → 457;</li>
 *   <li>an open start ({@code npt=-10}) → 457: RFC 2326 gives it no meaning and RFC 7826
 *       allows it only in some responses; reading it as {@code 0-10} would seek where the
 *       client did not ask;</li>
 *   <li>malformed text → 400.</li>
 * </ul>
 */
public final class RangeHeader {
    private RangeHeader() {
    }

    public static PlayRange parse(String value) {
        if (value == null || value.isBlank()) {
            throw HeaderSyntax.bad("empty Range header");
        }
        String v = value.trim();
        int semicolon = v.indexOf(';');
        if (semicolon >= 0) {
            v = v.substring(0, semicolon).trim();
        }
        int eq = v.indexOf('=');
        if (eq < 0) {
            throw HeaderSyntax.bad("malformed Range");
        }
        String unit = v.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String spec = v.substring(eq + 1).trim();
        if (unit.startsWith("smpte")) {
            throw invalid("SMPTE ranges are not supported");
        }
        int dash = spec.indexOf('-');
        if (!unit.equals("npt") && !unit.equals("clock")) {
            throw invalid("unsupported range unit");
        }
        if (dash < 0) {
            throw HeaderSyntax.bad("malformed Range: no '-'");
        }
        String start = spec.substring(0, dash).trim();
        String end = spec.substring(dash + 1).trim();
        if (start.isEmpty()) {
            throw invalid("a range without start is not supported");
        }
        try {
            if (unit.equals("npt")) {
                return new NptRange(start.equals("now") ? null : npt(start), end.isEmpty() ? null : npt(end));
            }
            return new ClockRange(clock(start), end.isEmpty() ? null : clock(end));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** {@code 123.45} or {@code 1:02:03.5}, in seconds. */
    private static double npt(String s) {
        int colon = s.indexOf(':');
        if (colon < 0) {
            return seconds(s);
        }
        int colon2 = s.indexOf(':', colon + 1);
        if (colon2 < 0) {
            throw HeaderSyntax.bad("malformed npt time");
        }
        long hours = HeaderSyntax.number(s.substring(0, colon), 9);
        long minutes = HeaderSyntax.number(s.substring(colon + 1, colon2), 2);
        String secText = s.substring(colon2 + 1);
        int dot = secText.indexOf('.');
        long wholeSeconds = HeaderSyntax.number(dot < 0 ? secText : secText.substring(0, dot), 2);
        if (hours < 0 || minutes < 0 || minutes > 59 || wholeSeconds < 0 || wholeSeconds > 59) {
            throw HeaderSyntax.bad("malformed npt time");
        }
        return hours * 3600.0 + minutes * 60.0 + seconds(secText);
    }

    /** {@code 1*DIGIT ["." *DIGIT]}. */
    private static double seconds(String s) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        if (whole.isEmpty() || !digits(whole) || (dot >= 0 && !digits(s.substring(dot + 1)))) {
            throw HeaderSyntax.bad("malformed npt time");
        }
        double d = Double.parseDouble(s.endsWith(".") ? whole : s);
        if (Double.isInfinite(d)) {
            throw invalid("npt time out of range");
        }
        return d;
    }

    /** {@code YYYYMMDDTHHMMSS[.fraction]Z}. */
    private static Instant clock(String s) {
        if (s.length() < 16 || s.charAt(8) != 'T' || s.charAt(s.length() - 1) != 'Z'
                || !digits(s.substring(0, 8)) || !digits(s.substring(9, 15))) {
            throw HeaderSyntax.bad("malformed clock time");
        }
        int nanos = 0;
        String rest = s.substring(15, s.length() - 1);
        if (!rest.isEmpty()) {
            String fraction = rest.substring(1);
            if (rest.charAt(0) != '.' || !digits(fraction)) {
                throw HeaderSyntax.bad("malformed clock time");
            }
            for (int i = 0; i < 9; i++) {
                nanos = nanos * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
            }
        }
        try {
            return LocalDateTime.of(
                    Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)), Integer.parseInt(s.substring(9, 11)),
                    Integer.parseInt(s.substring(11, 13)), Integer.parseInt(s.substring(13, 15)), nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw HeaderSyntax.bad("invalid clock time");
        }
    }

    private static boolean digits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static RtspException invalid(String reason) {
        return new RtspException(RtspStatus.INVALID_RANGE, reason);
    }

    /**
     * {@code npt=5.000-}, {@code npt=0.000-12.345}, {@code npt=now-}, or
     * {@code clock=20261124T101500Z-20261124T111500.5Z} (years 0–9999).
     */
    public static String format(PlayRange range) {
        return switch (range) {
            case NptRange npt -> "npt=" + (npt.start() == null ? "now" : seconds(npt.start())) + "-"
                    + (npt.end() == null ? "" : seconds(npt.end()));
            case ClockRange clock -> "clock=" + clock(clock.start()) + "-"
                    + (clock.end() == null ? "" : clock(clock.end()));
        };
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String clock(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        String s = String.format(Locale.ROOT, "%04d%02d%02dT%02d%02d%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        if (t.getNano() != 0) {
            String fraction = String.format(Locale.ROOT, "%09d", t.getNano()).replaceFirst("0+$", "");
            s += "." + fraction;
        }
        return s + "Z";
    }
}
