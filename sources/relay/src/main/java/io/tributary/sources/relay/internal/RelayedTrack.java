package io.tributary.sources.relay.internal;

import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.client.Track;

/**
 * One upstream track the relay passes on.
 *
 * @param upstream    the upstream's track (SETUP goes to its control URL)
 * @param payloadType the upstream's RTP payload type; packets with another one are dropped
 * @param format      the payload format that depacketizes it
 * @param description the track as readers of the path see it (its index is the path's track index)
 */
record RelayedTrack(Track upstream, int payloadType, PayloadFormat format, TrackDescription description) {
}
