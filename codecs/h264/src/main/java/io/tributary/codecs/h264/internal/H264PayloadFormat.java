package io.tributary.codecs.h264.internal;

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
 * {@code avcC} record; access units are in AVCC layout with 4-byte lengths.
 */
@Component(service = PayloadFormat.class, property = PayloadFormat.ENCODING + "=H264")
public final class H264PayloadFormat implements PayloadFormat {
    static final String RTPMAP = "H264/90000";

    /** {@code H264/90000} and {@code packetization-mode=1;profile-level-id=…;sprop-parameter-sets=…}. */
    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        AvcConfiguration config = AvcConfiguration.parse(track.codecConfigView());
        return new SdpAttributes(RTPMAP, "packetization-mode=1;profile-level-id=" + config.profileLevelId()
                + ";sprop-parameter-sets=" + config.spropParameterSets());
    }

    /** A packetizer that repeats the {@code avcC} parameter sets before keyframes (none without an {@code avcC}). */
    @Override
    public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
        ByteBuffer avcC = track.codecConfigView();
        List<ByteBuffer> parameterSets = avcC.hasRemaining() ? AvcConfiguration.parse(avcC).parameterSets() : List.of();
        return new H264Packetizer(maxPayloadSize, parameterSets);
    }

    /** A depacketizer bounding access units to {@value H264Depacketizer#DEFAULT_MAX_UNIT_SIZE} bytes. */
    @Override
    public Depacketizer depacketizer(TrackDescription track) {
        return new H264Depacketizer(track.index(), H264Depacketizer.DEFAULT_MAX_UNIT_SIZE);
    }
}
