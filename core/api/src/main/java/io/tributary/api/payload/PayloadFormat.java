package io.tributary.api.payload;

import io.tributary.api.media.TrackDescription;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Everything Tributary knows about one RTP encoding: how to describe a track of it in SDP,
 * how to cut its access units into RTP payloads and how to put them back together.
 *
 * <p>Register as an OSGi service with {@link #ENCODING} set to the upper-case encoding name
 * (as in {@code rtpmap}). When no service handles a track's encoding, the path is refused
 * with a clear status; when one appears, new sessions use it at once.
 */
@ConsumerType
public interface PayloadFormat {
    /** Service property: the upper-case RTP encoding name this service handles, e.g. {@code H264}. */
    String ENCODING = "tributary.payload.encoding";

    /**
     * The SDP attributes for a track served with the given dynamic payload type.
     *
     * @throws IllegalArgumentException when the track's codec configuration is unusable
     */
    SdpAttributes describe(TrackDescription track, int payloadType);

    /** A packetizer for one track; packetizers are used by one thread at a time. */
    Packetizer packetizer(TrackDescription track, int maxPayloadSize);

    /** A depacketizer for one received track; used by one thread at a time. */
    Depacketizer depacketizer(TrackDescription track);
}
