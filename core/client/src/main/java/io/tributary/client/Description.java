package io.tributary.client;

import io.tributary.rtsp.sdp.SessionDescription;
import java.util.List;
import java.util.Objects;

/**
 * What DESCRIBE returned (or what ANNOUNCE sent), with the URLs resolved.
 *
 * @param sdp          the parsed session description
 * @param baseUrl      {@code Content-Base}, else {@code Content-Location}, else the request URL
 * @param aggregateUrl where PLAY, PAUSE, RECORD and TEARDOWN go: the session-level
 *                     {@code a=control} resolved, else the base URL
 * @param tracks       one per media section, in SDP order
 */
public record Description(SessionDescription sdp, String baseUrl, String aggregateUrl, List<Track> tracks) {
    public Description {
        Objects.requireNonNull(sdp, "sdp");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(aggregateUrl, "aggregateUrl");
        tracks = List.copyOf(tracks);
    }
}
