package io.tributary.engine.handler;

import io.tributary.api.media.MediaDescription;
import io.tributary.engine.path.SharedSource;
import io.tributary.rtsp.header.ClockRange;
import io.tributary.rtsp.header.NptRange;
import io.tributary.rtsp.header.RangeHeader;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * What RTSP 2.0 tells a client about the timeline of a path (RFC 7826 §18.5, §18.29, §18.30):
 * which range formats it takes, whether and how it can be sought, and the range it covers.
 * A file takes npt, SMPTE and (when it knows when it was recorded) clock ranges; a live path
 * or a looping clip only plays on from now.
 */
final class MediaHeaders {
    /** Seeks start on the keyframe at or before the point asked (RFC 7826 §18.47). */
    static final String SEEK_STYLE = "RAP";

    private MediaHeaders() {
    }

    /** Adds {@code Media-Properties}, {@code Accept-Ranges} and {@code Media-Range} for {@code source}. */
    static RtspResponse describe(RtspResponse response, SharedSource source) {
        return response.header(RtspHeaders.MEDIA_PROPERTIES, properties(source))
                .header(RtspHeaders.ACCEPT_RANGES, acceptRanges(source))
                .header(RtspHeaders.MEDIA_RANGE, mediaRange(source));
    }

    /** Adds {@code Media-Range} only (PLAY and PAUSE responses). */
    static RtspResponse range(RtspResponse response, SharedSource source) {
        return response.header(RtspHeaders.MEDIA_RANGE, mediaRange(source));
    }

    static String properties(SharedSource source) {
        if (!isFile(source)) {
            // plays on from now; nothing is kept to seek back to (RFC 7826 §18.29.2)
            return "No-Seeking, Time-Progressing, Time-Duration=0.0";
        }
        return "Random-Access, Immutable, Unlimited, " + PlayRate.scalesProperty();
    }

    static String acceptRanges(SharedSource source) {
        if (!isFile(source)) {
            return "npt";
        }
        return anchor(source).isPresent() ? "npt, smpte, clock" : "npt, smpte";
    }

    static String mediaRange(SharedSource source) {
        if (!isFile(source)) {
            return "npt=now-";
        }
        MediaDescription media = source.description();
        NptRange whole = new NptRange(0.0, media.duration().toNanos() / 1e9);
        Optional<Instant> anchor = anchor(source);
        if (anchor.isEmpty()) {
            return RangeHeader.format(whole);
        }
        Instant start = anchor.get();
        return RangeHeader.format(whole) + ", "
                + RangeHeader.format(new ClockRange(start, start.plus(media.duration())));
    }

    /** A file with a timeline: not live, not looping. */
    static boolean isFile(SharedSource source) {
        return source.live() == null && source.description().seekable();
    }

    private static Optional<Instant> anchor(SharedSource source) {
        return source.seekable().wallClockStart();
    }
}
