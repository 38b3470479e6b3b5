package io.tributary.codecs.h265.internal;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.api.payload.nal.NalDepacketizer;
import java.nio.ByteBuffer;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * H.265/HEVC video (RFC 7798). The track's codec configuration is its {@code hvcC} record,
 * empty when the parameter sets travel in band only; access units are NAL units with 4-byte
 * lengths.
 */
@Component(service = PayloadFormat.class, property = PayloadFormat.ENCODING + "=H265")
public final class H265PayloadFormat implements PayloadFormat {
    static final String RTPMAP = "H265/90000";

    /** {@code H265/90000} and the {@code sprop-vps/sps/pps} of the {@code hvcC}; no fmtp without one. */
    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        ByteBuffer hvcC = track.codecConfigView();
        return new SdpAttributes(RTPMAP, hvcC.hasRemaining() ? HevcConfiguration.parse(hvcC).fmtp() : "");
    }

    /** A packetizer that repeats the {@code hvcC} parameter sets before keyframes (none without an {@code hvcC}). */
    @Override
    public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
        ByteBuffer hvcC = track.codecConfigView();
        List<ByteBuffer> parameterSets = hvcC.hasRemaining() ? HevcConfiguration.parse(hvcC).parameterSets() : List.of();
        return new H265Packetizer(maxPayloadSize, parameterSets);
    }

    /**
     * The track with the {@code hvcC} of {@code sprop-vps/sps/pps}, or no configuration when the
     * fmtp has no SPS and PPS. Width and height are left unknown (0).
     *
     * @throws IllegalArgumentException see {@link H265Fmtp#configuration}; the message names the track
     */
    @Override
    public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
        ByteBuffer hvcC;
        try {
            hvcC = H265Fmtp.configuration(fmtp).map(HevcConfiguration::record).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("H265 track " + index + ": " + e.getMessage(), e);
        }
        return new TrackDescription(index, type, encoding, hvcC, 0, 0, 0);
    }

    /** A depacketizer bounding access units to {@value NalDepacketizer#DEFAULT_MAX_UNIT_SIZE} bytes. */
    @Override
    public Depacketizer depacketizer(TrackDescription track) {
        return new H265Depacketizer(track.index(), NalDepacketizer.DEFAULT_MAX_UNIT_SIZE);
    }
}
