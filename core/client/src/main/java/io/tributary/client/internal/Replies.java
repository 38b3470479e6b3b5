package io.tributary.client.internal;

import io.tributary.client.Description;
import io.tributary.client.RtspClientException;
import io.tributary.client.RtspClientException.Kind;
import io.tributary.client.Track;
import io.tributary.rtsp.header.PlayRange;
import io.tributary.rtsp.header.RangeHeader;
import io.tributary.rtsp.header.SessionHeader;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.sdp.SdpParser;
import io.tributary.rtsp.sdp.SessionDescription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the session needs from replies, leniently where cameras are sloppy (Session,
 * Range) and strictly where nothing works without it (the SDP).
 */
final class Replies {
    /** Interleaved channels 2i and 2i+1 must fit in 0..255. */
    static final int MAX_TRACKS = 128;

    private Replies() {
    }

    /** The description of a DESCRIBE reply; PROTOCOL error when there is no readable SDP. */
    static Description description(RtspResponse response, String requestUrl) {
        if (response.body().length == 0) {
            throw new RtspClientException(Kind.PROTOCOL, "DESCRIBE", requestUrl, "the reply carries no SDP");
        }
        SessionDescription sdp;
        try {
            sdp = SdpParser.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (RtspException e) {
            throw new RtspClientException(Kind.PROTOCOL, "DESCRIBE", requestUrl, "unreadable SDP: " + e.getMessage());
        }
        return tracks(sdp, ControlUrls.base(response.headers(), requestUrl));
    }

    /** {@code sdp}'s tracks and aggregate URL resolved against {@code base}. */
    static Description tracks(SessionDescription sdp, String base) {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < sdp.media().size() && i < MAX_TRACKS; i++) {
            tracks.add(new Track(i, sdp.media().get(i), ControlUrls.resolve(base, sdp.media().get(i).control())));
        }
        return new Description(sdp, base, ControlUrls.resolve(base, sdp.control()), tracks);
    }

    /**
     * The Session header: id and timeout when it parses, else the id up to the first
     * {@code ;}; null when absent or empty (some cameras omit it).
     */
    static SessionHeader session(RtspResponse response) {
        String value = response.header(RtspHeaders.SESSION);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SessionHeader.parse(value);
        } catch (RtspException e) {
            int semi = value.indexOf(';');
            String id = (semi < 0 ? value : value.substring(0, semi)).trim();
            try {
                return new SessionHeader(id, null);
            } catch (IllegalArgumentException unusable) {
                return null;
            }
        }
    }

    /** The Range served, or null when absent or unreadable. */
    static PlayRange range(RtspResponse response) {
        String value = response.header(RtspHeaders.RANGE);
        if (value == null) {
            return null;
        }
        try {
            return RangeHeader.parse(value);
        } catch (RtspException e) {
            return null;
        }
    }
}
