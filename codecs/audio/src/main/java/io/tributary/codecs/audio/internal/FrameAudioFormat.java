package io.tributary.codecs.audio.internal;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An audio encoding whose RTP payload is one or more whole frames (RFC 3551 §4.5: G.711,
 * G.722; RFC 7587: Opus): a payload is an access unit as it is, timed by its packet's
 * timestamp, and every unit is a sync point. The track's codec configuration is the
 * {@code fmtp} it was received with (UTF-8), given back in SDP unchanged, so that parameters
 * such as Opus's {@code sprop-stereo} reach readers.
 *
 * @param name     the upper-case encoding name
 * @param clockRate the RTP clock rate the encoding's specification fixes
 * @param channels the channel count {@code rtpmap} must name (Opus: always 2), or 0 to take the publisher's
 */
record FrameAudioFormat(String name, int clockRate, int channels) implements PayloadFormat {
    /** G.711 µ-law, 8 kHz (RFC 3551). */
    static final FrameAudioFormat PCMU = new FrameAudioFormat("PCMU", 8000, 0);
    /** G.711 A-law, 8 kHz (RFC 3551). */
    static final FrameAudioFormat PCMA = new FrameAudioFormat("PCMA", 8000, 0);
    /** G.722, 16 kHz audio on an 8 kHz RTP clock (RFC 3551 §4.5.2, an error kept for compatibility). */
    static final FrameAudioFormat G722 = new FrameAudioFormat("G722", 8000, 0);
    /** Opus: {@code OPUS/48000/2} whatever the audio's rate and channels (RFC 7587 §7). */
    static final FrameAudioFormat OPUS = new FrameAudioFormat("OPUS", 48000, 2);

    /**
     * {@code <name>/<clock rate>[/<channels>]} and the track's fmtp as received.
     *
     * @throws IllegalArgumentException when the track is not of this encoding's clock rate
     */
    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        Encoding encoding = checked(track.index(), track.encoding());
        return new SdpAttributes(encoding.rtpmap(), StandardCharsets.UTF_8.decode(track.codecConfigView()).toString());
    }

    @Override
    public Packetizer packetizer(TrackDescription track, int maxPayloadSize) {
        return new FramePacketizer(name, maxPayloadSize);
    }

    /**
     * The track with its fmtp kept as its configuration.
     *
     * @throws IllegalArgumentException when the clock rate is not the one the encoding has
     */
    @Override
    public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
        Encoding checked = checked(index, encoding);
        ByteBuffer config = ByteBuffer.wrap((fmtp == null ? "" : fmtp.strip()).getBytes(StandardCharsets.UTF_8));
        return new TrackDescription(index, type, checked, config, 0, 0, 0);
    }

    @Override
    public Depacketizer depacketizer(TrackDescription track) {
        return new FrameDepacketizer(track.index());
    }

    /** The encoding with the channels {@code rtpmap} must name; refuses another clock rate. */
    private Encoding checked(int index, Encoding encoding) {
        if (encoding.clockRate() != clockRate) {
            throw new IllegalArgumentException(name + " track " + index + ": clock rate " + encoding.clockRate()
                    + ", but " + name + " is sent at " + clockRate);
        }
        return channels == 0 ? new Encoding(name, clockRate, encoding.channels())
                : new Encoding(name, clockRate, channels);
    }
}
