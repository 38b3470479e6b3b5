package io.tributary.codecs.h264.internal;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import java.nio.ByteBuffer;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * H.264 video (RFC 6184) in packetization mode 1. The track's codec configuration is its
 * {@code avcC} record, empty when the parameter sets travel in band only; access units are in
 * AVCC layout with 4-byte lengths.
 */
@Component(service = PayloadFormat.class, property = PayloadFormat.ENCODING + "=H264")
public final class H264PayloadFormat implements PayloadFormat {
    static final String RTPMAP = "H264/90000";
    private static final String PACKETIZATION_MODE_1 = H264Fmtp.PACKETIZATION_MODE + "=1";

    /**
     * {@code H264/90000} and {@code packetization-mode=1;profile-level-id=…;sprop-parameter-sets=…},
     * or only {@code packetization-mode=1} when the track has no {@code avcC} (a publisher that
     * sends its parameter sets in band: readers get them the same way).
     */
    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        ByteBuffer avcC = track.codecConfigView();
        if (!avcC.hasRemaining()) {
            return new SdpAttributes(RTPMAP, PACKETIZATION_MODE_1);
        }
        AvcConfiguration config = AvcConfiguration.parse(avcC);
        return new SdpAttributes(RTPMAP, PACKETIZATION_MODE_1
                + ";" + H264Fmtp.PROFILE_LEVEL_ID + "=" + config.profileLevelId()
                + ";" + H264Fmtp.SPROP_PARAMETER_SETS + "=" + config.spropParameterSets());
    }

    /** A packetizer that repeats the {@code avcC} parameter sets before keyframes (none without an {@code avcC}). */
    @Override
    public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
        ByteBuffer avcC = track.codecConfigView();
        List<ByteBuffer> parameterSets = avcC.hasRemaining() ? AvcConfiguration.parse(avcC).parameterSets() : List.of();
        return new H264Packetizer(maxPayloadSize, parameterSets);
    }

    /**
     * The track with the {@code avcC} of {@code sprop-parameter-sets}, or no configuration when
     * the fmtp has none. Width and height are left unknown (0): reading them needs an SPS parser
     * this bundle does not have, and they only add the optional {@code a=framesize} for readers.
     *
     * @throws IllegalArgumentException see {@link H264Fmtp#configuration}; the message names the track
     */
    @Override
    public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
        ByteBuffer avcC;
        try {
            avcC = H264Fmtp.configuration(fmtp).map(AvcConfiguration::record).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("H264 track " + index + ": " + e.getMessage(), e);
        }
        return new TrackDescription(index, type, encoding, avcC, 0, 0, 0);
    }

    /** A depacketizer bounding access units to {@value H264Depacketizer#DEFAULT_MAX_UNIT_SIZE} bytes. */
    @Override
    public Depacketizer depacketizer(TrackDescription track) {
        return new H264Depacketizer(track.index(), H264Depacketizer.DEFAULT_MAX_UNIT_SIZE);
    }
}
