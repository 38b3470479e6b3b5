package io.tributary.codecs.audio.internal;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.rtsp.sdp.FmtpParameters;

/**
 * Opus (RFC 7587). The RTP clock is always 48 kHz and {@code rtpmap} always says two channels,
 * whatever the audio has; what it has is told by {@code sprop-stereo}. The track's codec
 * configuration is an Opus Specific Box ({@code dOps}, as MP4 files carry it): a file's is used
 * as it is, a publisher's is made from its fmtp.
 */
final class OpusFormat extends FrameAudioFormat {
    static final OpusFormat OPUS = new OpusFormat();
    private static final Encoding ENCODING = new Encoding("OPUS", 48000, 2);

    private OpusFormat() {
        super("OPUS", 48000);
    }

    /**
     * {@code OPUS/48000/2}, with {@code sprop-stereo} (and {@code sprop-maxcapturerate}) from
     * the track's {@code dOps}; without one, {@code sprop-stereo=1} (the RFC's safe assumption).
     */
    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        checkClockRate(track.index(), track.encoding());
        if (!track.codecConfigView().hasRemaining()) {
            return new SdpAttributes(ENCODING.rtpmap(), "sprop-stereo=1");
        }
        OpusSpecificBox dops = OpusSpecificBox.parse(track.codecConfigView());
        String fmtp = "sprop-stereo=" + (dops.channels() >= 2 ? 1 : 0);
        if (dops.inputSampleRate() > 0 && dops.inputSampleRate() != 48000) {
            fmtp += "; sprop-maxcapturerate=" + dops.inputSampleRate();
        }
        return new SdpAttributes(ENCODING.rtpmap(), fmtp);
    }

    /**
     * The track with a {@code dOps} from the fmtp: mono unless {@code sprop-stereo=1}, the
     * capture rate from {@code sprop-maxcapturerate} when given.
     *
     * @throws IllegalArgumentException when the clock rate is not 48000 or a parameter is unusable
     */
    @Override
    public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
        checkClockRate(index, encoding);
        FmtpParameters parameters = FmtpParameters.parse(fmtp == null ? "" : fmtp);
        String stereo = parameters.get("sprop-stereo");
        if (stereo != null && !stereo.equals("0") && !stereo.equals("1")) {
            throw new IllegalArgumentException("OPUS track " + index + ": sprop-stereo must be 0 or 1, not " + stereo);
        }
        String rate = parameters.get("sprop-maxcapturerate");
        long captureRate = 0;
        if (rate != null) {
            try {
                captureRate = Long.parseLong(rate);
            } catch (NumberFormatException e) {
                captureRate = -1;
            }
            if (captureRate < 1 || captureRate > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("OPUS track " + index + ": bad sprop-maxcapturerate " + rate);
            }
        }
        OpusSpecificBox dops = new OpusSpecificBox("1".equals(stereo) ? 2 : 1, 0, captureRate);
        return new TrackDescription(index, type, ENCODING, dops.bytes(), 0, 0, 0);
    }
}
