package io.tributary.codecs.mjpeg.internal;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import org.osgi.service.component.annotations.Component;

/**
 * Motion JPEG video (RFC 2435). An access unit is one complete baseline JPEG image, SOI to
 * EOI, and always a keyframe; what images can be sent is said in the package description. A
 * track has no codec configuration: every packet says the image's type and size, and its
 * first packet the quantization tables. RFC 2435 defines no {@code fmtp}.
 */
@Component(service = PayloadFormat.class, property = PayloadFormat.ENCODING + "=JPEG")
public final class JpegPayloadFormat implements PayloadFormat {
    static final String NAME = "JPEG";
    /** RTP/JPEG's clock (RFC 2435 §3, RFC 3551 static payload type 26). */
    static final int CLOCK_RATE = 90000;

    /**
     * {@code JPEG/90000} and no fmtp (the size travels in every packet).
     *
     * @throws IllegalArgumentException for a clock other than 90 kHz
     */
    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        check(track.index(), track.type(), track.encoding());
        return new SdpAttributes(NAME + "/" + CLOCK_RATE, "");
    }

    /**
     * @throws IllegalArgumentException when {@code maxPayloadSize} cannot hold the first packet's headers and tables
     */
    @Override
    public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
        return new JpegPacketizer(track.index(), maxPayloadSize);
    }

    /**
     * The track as announced, without configuration and with an unknown size (0x0): ffmpeg
     * announces payload type 26 without {@code rtpmap}, which the engine reads as
     * {@code JPEG/90000}. An fmtp, which RFC 2435 does not define, is ignored.
     *
     * @throws IllegalArgumentException for a clock other than 90 kHz or a track that is not video
     */
    @Override
    public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
        check(index, type, encoding);
        return new TrackDescription(index, type, new Encoding(NAME, CLOCK_RATE, 0), null, 0, 0, 0);
    }

    /** A depacketizer bounding images to {@value JpegDepacketizer#DEFAULT_MAX_IMAGE_SIZE} bytes. */
    @Override
    public Depacketizer depacketizer(TrackDescription track) {
        return new JpegDepacketizer(track.index(), JpegDepacketizer.DEFAULT_MAX_IMAGE_SIZE);
    }

    private static void check(int index, MediaType type, Encoding encoding) {
        if (type != MediaType.VIDEO) {
            throw new IllegalArgumentException("JPEG track " + index + ": an m=" + type.sdpName()
                    + " media, but JPEG is video");
        }
        if (encoding.clockRate() != CLOCK_RATE) {
            throw new IllegalArgumentException("JPEG track " + index + ": clock rate " + encoding.clockRate()
                    + ", but RTP/JPEG is sent at " + CLOCK_RATE);
        }
    }

    @Override
    public String toString() {
        return "JPEG payload format";
    }
}
