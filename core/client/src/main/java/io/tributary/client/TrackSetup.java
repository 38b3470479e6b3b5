package io.tributary.client;

import io.tributary.rtsp.header.TransportSpec;
import java.util.Objects;

/**
 * The outcome of one SETUP.
 *
 * @param track     the track
 * @param transport the transport in effect: the server's answer, or what was requested when
 *                  the answer had no (readable) {@code Transport} header
 * @param assumed   {@code true} when {@code transport} is the request, not the answer
 */
public record TrackSetup(Track track, TransportSpec transport, boolean assumed) {
    public TrackSetup {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(transport, "transport");
    }
}
