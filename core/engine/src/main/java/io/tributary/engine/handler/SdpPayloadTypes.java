package io.tributary.engine.handler;

import io.tributary.api.media.TrackDescription;

/**
 * The RTP payload type of a track, the same in SDP and in packets: 96 + its index, except MPEG-2
 * transport streams, which go on their static type 33 (RFC 3551): ffmpeg reads MP2T only there.
 */
public final class SdpPayloadTypes {
    private static final int FIRST_DYNAMIC = 96;
    private static final int MP2T = 33;

    private SdpPayloadTypes() {
    }

    public static int of(TrackDescription track) {
        if (track.encoding().name().equals("MP2T") && track.encoding().clockRate() == 90000) {
            return MP2T;
        }
        return FIRST_DYNAMIC + track.index();
    }
}
