package io.tributary.engine.handler;

import io.tributary.rtsp.header.NptRange;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.Locale;

/**
 * A SMPTE range (RFC 2326 §3.5): times relative to the start of a file as
 * {@code hours:minutes:seconds[:frames][.subframes]}, at 29.97 frames a second with drop-frame
 * numbering ({@code smpte}, the default, and {@code smpte-30-drop}) or at 25 ({@code smpte-25}).
 * Malformed text is 400; a range that ends before it starts is 457. A frame number that
 * drop-frame skips (00 and 01 of most minutes) is read as the next one: the RFC's own examples
 * ({@code smpte=10:07:00-}) name such times.
 *
 * @param unit  {@code smpte}, {@code smpte-30-drop} or {@code smpte-25}, as asked
 * @param start seconds from the start of the file
 * @param end   seconds, or null for open-ended
 */
record SmpteRange(String unit, double start, Double end) {
    /** Frames in ten minutes of drop-frame time code (10 × 1800 − 9 × 2). */
    private static final int DROP_TEN_MINUTES = 17_982;
    private static final int DROP_MINUTE = 1_798;
    private static final int MAX_LENGTH = 64;

    /** Whether a {@code Range} value is in a SMPTE unit. */
    static boolean isSmpte(String header) {
        return header.stripLeading().regionMatches(true, 0, "smpte", 0, 5);
    }

    static SmpteRange parse(String header) {
        String value = header.strip();
        if (value.length() > MAX_LENGTH) {
            throw bad("SMPTE range too long");
        }
        int semicolon = value.indexOf(';');
        if (semicolon >= 0) {
            value = value.substring(0, semicolon).strip();
        }
        int eq = value.indexOf('=');
        if (eq < 0) {
            throw bad("malformed Range");
        }
        String unit = value.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (!unit.equals("smpte") && !unit.equals("smpte-30-drop") && !unit.equals("smpte-25")) {
            throw new RtspException(RtspStatus.INVALID_RANGE, "unsupported SMPTE unit");
        }
        String spec = value.substring(eq + 1);
        int dash = spec.indexOf('-');
        if (dash < 0) {
            throw bad("malformed Range: no '-'");
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        if (from.isEmpty()) {
            throw new RtspException(RtspStatus.INVALID_RANGE, "a range without start is not supported");
        }
        boolean drop = !unit.equals("smpte-25");
        double start = seconds(from, drop);
        Double end = to.isEmpty() ? null : seconds(to, drop);
        if (end != null && end < start) {
            throw new RtspException(RtspStatus.INVALID_RANGE, "end before start");
        }
        return new SmpteRange(unit, start, end);
    }

    /** {@code h:mm:ss[:ff][.sub]} in seconds. */
    private static double seconds(String time, boolean drop) {
        int dot = time.indexOf('.');
        int subframes = dot < 0 ? 0 : field(time.substring(dot + 1), 99);
        String[] parts = (dot < 0 ? time : time.substring(0, dot)).split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw bad("malformed SMPTE time");
        }
        int fps = drop ? 30 : 25;
        int hours = field(parts[0], 99);
        int minutes = field(parts[1], 59);
        int secs = field(parts[2], 59);
        int frames = parts.length == 4 ? field(parts[3], fps - 1) : 0;
        if (!drop) {
            return hours * 3600.0 + minutes * 60.0 + secs + (frames + subframes / 100.0) / 25.0;
        }
        if (secs == 0 && frames < 2 && minutes % 10 != 0) {
            frames = 2; // skipped by drop-frame numbering: the minute's first frame
            subframes = 0;
        }
        int totalMinutes = hours * 60 + minutes;
        long frameNumber = (hours * 3600L + minutes * 60L + secs) * 30 + frames - 2L * (totalMinutes - totalMinutes / 10);
        return (frameNumber + subframes / 100.0) * 1001.0 / 30000.0;
    }

    /** One or two digits, at most {@code max}. */
    private static int field(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 2 || !Character.isDigit(digits.charAt(0))
                || !Character.isDigit(digits.charAt(digits.length() - 1))) {
            throw bad("malformed SMPTE time");
        }
        int value = Integer.parseInt(digits);
        if (value > max) {
            throw bad("malformed SMPTE time");
        }
        return value;
    }

    /** {@code served} in this range's unit, to the nearest frame. */
    String format(NptRange served) {
        return unit + "=" + timeCode(served.start()) + "-" + (served.end() == null ? "" : timeCode(served.end()));
    }

    private String timeCode(double seconds) {
        long frame;
        int fps;
        if (unit.equals("smpte-25")) {
            fps = 25;
            frame = Math.round(seconds * 25);
        } else {
            fps = 30;
            long counted = Math.round(seconds * 30000 / 1001);
            long tens = counted / DROP_TEN_MINUTES;
            long rest = counted % DROP_TEN_MINUTES;
            frame = counted + 18 * tens + (rest < 2 ? 0 : 2 * ((rest - 2) / DROP_MINUTE));
        }
        long totalSeconds = frame / fps;
        return String.format(Locale.ROOT, "%d:%02d:%02d:%02d", totalSeconds / 3600, totalSeconds / 60 % 60,
                totalSeconds % 60, frame % fps);
    }

    private static RtspException bad(String reason) {
        return new RtspException(RtspStatus.BAD_REQUEST, reason);
    }
}
