package io.tributary.api.payload;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
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

    /**
     * Describes a track received from SDP (a publisher's ANNOUNCE, an upstream's DESCRIBE):
     * turns the {@code fmtp} parameters into the track's codec configuration (H264:
     * {@code sprop-parameter-sets} into an {@code avcC} record; MPEG4-GENERIC: {@code config}
     * into an AudioSpecificConfig). Parameters may be missing (H.264 parameter sets sent in
     * band): the configuration is then empty.
     *
     * @param fmtp the value after {@code a=fmtp:<pt> }, empty when the media has none
     * @throws IllegalArgumentException when the parameters are present but unusable
     */
    TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp);

    /** A depacketizer for one received track; used by one thread at a time. */
    Depacketizer depacketizer(TrackDescription track);
}
