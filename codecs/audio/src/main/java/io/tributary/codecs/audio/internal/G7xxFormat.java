package io.tributary.codecs.audio.internal;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.SdpAttributes;

/**
 * The ITU codecs of RFC 3551 with a fixed clock and no codec configuration: G.711 µ-law and
 * A-law, and G.722 (16 kHz audio on an 8 kHz RTP clock, §4.5.2, an error kept for
 * compatibility). No {@code fmtp} is defined for them.
 */
final class G7xxFormat extends FrameAudioFormat {
    static final G7xxFormat PCMU = new G7xxFormat("PCMU");
    static final G7xxFormat PCMA = new G7xxFormat("PCMA");
    static final G7xxFormat G722 = new G7xxFormat("G722");

    private G7xxFormat(String name) {
        super(name, 8000);
    }

    /** {@code <name>/8000[/<channels>]}, no fmtp. */
    @Override
    public SdpAttributes describe(TrackDescription track, int payloadType) {
        checkClockRate(track.index(), track.encoding());
        return new SdpAttributes(new Encoding(name(), 8000, track.encoding().channels()).rtpmap(), "");
    }

    /** The track as announced; an fmtp, which these codecs do not define, is ignored. */
    @Override
    public TrackDescription receivedTrack(int index, MediaType type, Encoding encoding, String fmtp) {
        checkClockRate(index, encoding);
        return new TrackDescription(index, type, new Encoding(name(), 8000, encoding.channels()), null, 0, 0, 0);
    }
}
