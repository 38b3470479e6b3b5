package io.tributary.codecs.mp2t.internal;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import org.osgi.service.component.annotations.Component;

/**
 * An MPEG-2 transport stream (RFC 2250 §2), as IPTV headends and encoders send it, relayed as
 * it comes: an access unit is a run of whole 188-byte TS packets, each starting with the sync
 * byte 0x47 (one RTP packet's worth when received). The RTP clock is 90 kHz; RFC 2250 defines
 * no {@code fmtp} and no codec configuration: the stream carries its own tables. Publishers
 * usually send it on static payload type 33 without {@code rtpmap}, which the engine reads as
 * {@code MP2T/90000}.
 */
@Component(service = PayloadFormat.class, property = PayloadFormat.ENCODING + "=" + Mp2tPayloadFormat.NAME)
public final class Mp2tPayloadFormat implements PayloadFormat {
    static final String NAME = "MP2T";
    static final int CLOCK_RATE = 90000;
    private static final Encoding ENCODING = new Encoding(NAME, CLOCK_RATE, 0);

    /** {@code MP2T/90000}, no fmtp. */
    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        checkClockRate(track.index(), track.encoding());
        return new SdpAttributes(ENCODING.rtpmap(), "");
    }

    @Override
    public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
        return new TsPacketizer(maxPayloadSize);
    }

    /**
     * The track with an empty configuration; an fmtp, which RFC 2250 does not define, is ignored.
     *
     * @throws IllegalArgumentException when the clock rate is not 90000
     */
    @Override
    public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
        checkClockRate(index, encoding);
        return new TrackDescription(index, type, ENCODING, null, 0, 0, 0);
    }

    @Override
    public Depacketizer depacketizer(TrackDescription track) {
        return new TsDepacketizer(track.index());
    }

    private static void checkClockRate(int index, Encoding encoding) {
        if (encoding.clockRate() != CLOCK_RATE) {
            throw new IllegalArgumentException("MP2T track " + index + ": clock rate " + encoding.clockRate()
                    + ", but MP2T is sent at " + CLOCK_RATE);
        }
    }

    @Override
    public String toString() {
        return "MP2T payload format";
    }
}
