package io.tributary.codecs.vpx.internal;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import org.osgi.service.component.annotations.Component;

/**
 * VP9 video (RFC 9628). Access units are VP9 frames or superframes (see the package
 * description); a track's configuration, when it has one, is a {@code vpcC} box body whose
 * profile SDP announces as {@code profile-id}.
 */
@Component(service = PayloadFormat.class, property = PayloadFormat.ENCODING + "=VP9")
public final class Vp9PayloadFormat implements PayloadFormat {
    static final String RTPMAP = "VP9/90000";

    /**
     * {@code VP9/90000}, and {@code profile-id} from the track's {@code vpcC} when it has one.
     *
     * @throws IllegalArgumentException when the configuration is not a {@code vpcC}; see {@link VpcConfiguration#parse}
     */
    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        if (!track.codecConfig().hasRemaining()) {
            return new SdpAttributes(RTPMAP, "");
        }
        return new SdpAttributes(RTPMAP, "profile-id=" + VpcConfiguration.parse(track.codecConfigView()).profile());
    }

    /**
     * A packetizer without picture ID (see {@link VpxPacketizer}), giving keyframes the picture size.
     *
     * @throws IllegalArgumentException when {@code maxPayloadSize} is below {@value Vp9Packetizer#MIN_PAYLOAD_SIZE}
     */
    @Override
    public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
        return new Vp9Packetizer(maxPayloadSize, track.width(), track.height());
    }

    /**
     * The track, without configuration: {@code profile-id}, {@code max-fr} and {@code max-fs}
     * change nothing in what is relayed, and the frames' own headers say the profile.
     *
     * @throws IllegalArgumentException when the clock rate is not 90000 (RFC 9628 §6.1)
     */
    @Override
    public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
        VideoClock.check("VP9", index, encoding);
        return new TrackDescription(index, type, encoding, null, 0, 0, 0);
    }

    /** A depacketizer bounding pictures to {@value Vp8PayloadFormat#MAX_UNIT_SIZE} bytes. */
    @Override
    public Depacketizer depacketizer(TrackDescription track) {
        return new VpxDepacketizer(track.index(), Vp8PayloadFormat.MAX_UNIT_SIZE, Vp9PayloadDescriptor::read,
                Vp9FrameHeader::isKeyframe);
    }

    @Override
    public String toString() {
        return "VP9 payload format";
    }
}
