package io.tributary.api.transport;

import io.tributary.rtsp.header.TransportSpec;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A rule on which transports may carry a path's media, asked at SETUP for each spec the client
 * offers, before a transport is chosen (e.g. an IPTV path served only by multicast). A spec any
 * installed policy refuses is skipped; when every spec is refused, SETUP fails with 461 and the
 * reason.
 */
@ConsumerType
public interface TransportPolicy {
    /**
     * Why {@code spec} may not carry {@code path}'s media, or null when it may. Quick, never blocks.
     *
     * @param live whether the path is live (its readers share one stream) rather than a file
     */
    String refusal(String path, TransportSpec spec, boolean live);
}
