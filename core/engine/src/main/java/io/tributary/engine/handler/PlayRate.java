package io.tributary.engine.handler;

import io.tributary.engine.path.SharedSource;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspRequest;
import io.tributary.rtsp.message.RtspStatus;
import java.util.Locale;

/**
 * The {@code Scale} (rate through the media: 2 is fast forward, −1 plays backwards; RFC 2326
 * §12.34, RFC 7826 §18.46) and {@code Speed} (delivery rate with unchanged timestamps, §12.35,
 * §18.50) of a PLAY, as served: files take the scales in {@link #SCALES} (the nearest one is
 * served and named back) and speeds up to {@link #MAX_SPEED}; live paths play at 1 only (456).
 *
 * @param scale       the scale served
 * @param speed       the speed served
 * @param scaleAsked  whether the request had a {@code Scale} header (then the reply names the scale served)
 * @param speedAsked  whether it had a {@code Speed} header
 */
record PlayRate(double scale, double speed, boolean scaleAsked, boolean speedAsked) {
    /** The scales files play at; also in {@code Media-Properties} (RTSP 2.0). */
    static final double[] SCALES = {-4, -2, -1, 1, 2, 4, 8};
    static final double MAX_SPEED = 8;
    private static final int MAX_LENGTH = 16;

    /** The rate {@code request} asks for on {@code source}; 400 when malformed, 456 when the path cannot. */
    static PlayRate of(RtspRequest request, SharedSource source) {
        return of(request.header(RtspHeaders.SCALE), request.header(RtspHeaders.SPEED), MediaHeaders.isFile(source));
    }

    /** The rate for these headers (null when absent) on a file or on a path that plays as it comes. */
    static PlayRate of(String scaleHeader, String speedHeader, boolean file) {
        double scale = scaleHeader == null ? 1 : number(scaleHeader, "Scale");
        double[] speeds = speedHeader == null ? new double[] {1, 1} : speeds(speedHeader);
        if (scale == 0) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "Scale 0 stops the media: use PAUSE");
        }
        double fastest = file ? MAX_SPEED : 1;
        if (scale != 1 && !file || speeds[0] > fastest || speeds[1] < 1 && !file) {
            throw new RtspException(RtspStatus.HEADER_FIELD_NOT_VALID, file
                    ? "files are delivered at most at Speed " + MAX_SPEED
                    : "this path plays as it comes: Scale and Speed 1 only");
        }
        double served = nearest(scale);
        double speed = served != 1 ? 1 : Math.min(speeds[1], fastest);
        return new PlayRate(served, speed, scaleHeader != null, speedHeader != null);
    }

    /** The supported scale closest to {@code asked}, keeping its direction; between two, the faster. */
    static double nearest(double asked) {
        double best = asked > 0 ? 1 : -1;
        for (double candidate : SCALES) {
            double distance = Math.abs(candidate - asked);
            double bestDistance = Math.abs(best - asked);
            if (Math.signum(candidate) == Math.signum(asked) && (distance < bestDistance
                    || distance == bestDistance && Math.abs(candidate) > Math.abs(best))) {
                best = candidate;
            }
        }
        return best;
    }

    /** The value as the reply writes it, e.g. {@code 2.000}. */
    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** {@code Scales="-4, -2, -1, 1, 2, 4, 8"} for {@code Media-Properties}. */
    static String scalesProperty() {
        StringBuilder sb = new StringBuilder("Scales=\"");
        for (int i = 0; i < SCALES.length; i++) {
            sb.append(i == 0 ? "" : ", ").append((int) SCALES[i]);
        }
        return sb.append('"').toString();
    }

    /**
     * The lowest and highest speed asked: one value (RFC 2326 §12.35), or RTSP 2.0's range
     * ({@code 1.5-2.0}, RFC 7826 §18.50), of which the fastest the path can is served.
     */
    private static double[] speeds(String header) {
        int dash = header.indexOf('-', 1);
        double lowest = number(dash < 0 ? header : header.substring(0, dash), "Speed");
        double highest = dash < 0 ? lowest : number(header.substring(dash + 1), "Speed");
        if (!(lowest > 0) || highest < lowest) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "Speed must be positive (a range: lowest-highest)");
        }
        return new double[] {lowest, highest};
    }

    /** RFC 2326 §12.34: {@code [ "-" ] 1*DIGIT [ "." *DIGIT ]}; 400 otherwise. */
    private static double number(String header, String name) {
        String value = header.trim();
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.matches("-?\\d+(\\.\\d*)?")) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "malformed " + name + " header");
        }
        return Double.parseDouble(value);
    }
}
