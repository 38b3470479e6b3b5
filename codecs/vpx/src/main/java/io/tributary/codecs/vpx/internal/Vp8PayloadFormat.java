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
 * VP8 video (RFC 7741). Access units are single VP8 frames (see the package description);
 * tracks have no codec configuration and SDP no {@code fmtp}.
 */
@Component(service = PayloadFormat.class, property = PayloadFormat.ENCODING + "=VP8")
public final class Vp8PayloadFormat implements PayloadFormat {
    static final String RTPMAP = "VP8/90000";
    /** Bound on a reassembled frame. */
    static final int MAX_UNIT_SIZE = 8 * 1024 * 1024;

    /** {@code VP8/90000}, no {@code fmtp}. */
    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        return new SdpAttributes(RTPMAP, "");
    }

    /**
     * A packetizer of one-octet descriptors, without PictureID: see {@link VpxPacketizer}.
     *
     * @throws IllegalArgumentException when {@code maxPayloadSize} is below {@value Vp8Packetizer#MIN_PAYLOAD_SIZE}
     */
    @Override
    public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
        return new Vp8Packetizer(maxPayloadSize);
    }

    /**
     * The track, without configuration: whatever the {@code fmtp} says ({@code max-fr},
     * {@code max-fs} are receiver limits) changes nothing in what is relayed.
     *
     * @throws IllegalArgumentException when the clock rate is not 90000 (RFC 7741 §6.1)
     */
    @Override
    public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
        VideoClock.check("VP8", index, encoding);
        return new TrackDescription(index, type, encoding, null, 0, 0, 0);
    }

    /** A depacketizer bounding frames to {@value #MAX_UNIT_SIZE} bytes. */
    @Override
    public Depacketizer depacketizer(TrackDescription track) {
        return new VpxDepacketizer(track.index(), MAX_UNIT_SIZE, Vp8PayloadDescriptor::read,
                Vp8FrameHeader::isKeyframe);
    }

    @Override
    public String toString() {
        return "VP8 payload format";
    }
}
