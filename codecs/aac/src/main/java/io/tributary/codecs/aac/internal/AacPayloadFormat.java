package io.tributary.codecs.aac.internal;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.osgi.service.component.annotations.Component;

/**
 * AAC audio (RFC 3640, mode AAC-hbr). The track's codec configuration is its
 * AudioSpecificConfig; an access unit is one raw AAC frame. The RTP clock is the track's clock
 * rate, the unit of its access units' times (for AAC-LC, the sampling rate).
 */
@Component(service = PayloadFormat.class, property = PayloadFormat.ENCODING + "=MPEG4-GENERIC")
public final class AacPayloadFormat implements PayloadFormat {
    /** Samples per frame assumed by a depacketizer whose track has no AudioSpecificConfig. */
    static final int DEFAULT_FRAME_LENGTH = 1024;

    /**
     * {@code MPEG4-GENERIC/<clock rate>/<channels>} and the AAC-hbr fmtp with the config in hex.
     * Channels come from the config, or from the track's encoding when the config leaves them to a
     * program config element.
     */
    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        ByteBuffer config = track.codecConfigView();
        if (!config.hasRemaining()) {
            throw new IllegalArgumentException("AAC track " + track.index() + " has no AudioSpecificConfig");
        }
        AudioSpecificConfig asc = AudioSpecificConfig.parse(config);
        int channels = asc.channels() > 0 ? asc.channels() : track.encoding().channels();
        if (channels == 0) {
            throw new IllegalArgumentException("AAC track " + track.index() + ": channel configuration "
                    + asc.channelConfiguration() + " and the encoding give no channel count");
        }
        byte[] raw = new byte[config.remaining()];
        config.get(raw);
        return new SdpAttributes("MPEG4-GENERIC/" + track.encoding().clockRate() + "/" + channels,
                AacHbr.fmtp(HexFormat.of().withUpperCase().formatHex(raw)));
    }

    @Override
    public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
        return new AacPacketizer(maxPayloadSize);
    }

    /**
     * The track with the AudioSpecificConfig of the fmtp's {@code config}.
     *
     * @throws IllegalArgumentException see {@link AacFmtp#audioSpecificConfig}; the message names the track
     */
    @Override
    public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
        ByteBuffer config;
        try {
            config = AacFmtp.audioSpecificConfig(fmtp);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MPEG4-GENERIC track " + index + ": " + e.getMessage(), e);
        }
        return new TrackDescription(index, type, encoding, config, 0, 0, 0);
    }

    /**
     * A depacketizer timing the units of a packet one frame apart: frame length (from the config,
     * {@value #DEFAULT_FRAME_LENGTH} without one) scaled from the sampling rate to the clock rate.
     */
    @Override
    public Depacketizer depacketizer(TrackDescription track) {
        ByteBuffer config = track.codecConfigView();
        int clockRate = track.encoding().clockRate();
        long frameDuration = DEFAULT_FRAME_LENGTH;
        if (config.hasRemaining()) {
            AudioSpecificConfig asc = AudioSpecificConfig.parse(config);
            frameDuration = (long) asc.frameLength() * clockRate / asc.sampleRate();
        }
        return new AacDepacketizer(track.index(), frameDuration);
    }
}
