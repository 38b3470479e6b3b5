package io.tributary.api.media;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One coded frame (video picture, audio frame or block of frames) of a track.
 *
 * <p>The data layout is defined per encoding by its payload format: H.264/H.265 use NAL
 * units each prefixed by a 4-byte big-endian length (as in MP4 samples); AAC is one raw
 * access unit. Readers must treat {@code data} as read-only and shared: use
 * {@link #dataView()} to read it.
 *
 * @param track          index of the track
 * @param presentationTime presentation time in the track's clock units (the RTP timestamp
 *                       before the session's random offset)
 * @param decodeTime     decode time in the track's clock units (≤ presentation time)
 * @param keyframe       {@code true} for a sync sample (IDR); audio frames are always sync
 * @param data           coded data
 */
public record AccessUnit(int track, long presentationTime, long decodeTime, boolean keyframe, ByteBuffer data) {
    public AccessUnit {
        Objects.requireNonNull(data, "data");
        data = data.asReadOnlyBuffer();
    }

    /** A fresh read-only view of the data, positioned at its start. */
    public ByteBuffer dataView() {
        return data.duplicate();
    }
}
