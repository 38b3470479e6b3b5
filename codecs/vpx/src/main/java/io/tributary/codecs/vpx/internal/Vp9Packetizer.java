package io.tributary.codecs.vpx.internal;

import io.tributary.api.media.AccessUnit;
import java.nio.ByteBuffer;

/**
 * VP9 frames (or superframes) into RTP payloads (RFC 9628 §4), in non-flexible mode with one
 * layer and no picture ID (see {@link VpxPacketizer}): P unless the unit is a keyframe, B on the
 * first packet, E on the last; a keyframe's first packet carries the scalability structure with
 * the picture size from the keyframe's header (or the track's size when the header cannot be
 * read, no size when neither is known).
 */
final class Vp9Packetizer extends VpxPacketizer {
    /** The largest descriptor and one byte of the frame. */
    static final int MIN_PAYLOAD_SIZE = Vp9PayloadDescriptor.MAX_WRITTEN_SIZE + 1;

    private final int trackWidth;
    private final int trackHeight;

    /**
     * @param maxPayloadSize largest RTP payload, at least {@value #MIN_PAYLOAD_SIZE}
     * @param trackWidth     the track's width, 0 when unknown
     * @param trackHeight    the track's height, 0 when unknown
     */
    Vp9Packetizer(int maxPayloadSize, int trackWidth, int trackHeight) {
        super("VP9", maxPayloadSize, Vp9PayloadDescriptor.MAX_WRITTEN_SIZE);
        this.trackWidth = trackWidth;
        this.trackHeight = trackHeight;
    }

    @Override
    protected Descriptors describe(AccessUnit unit) {
        if (!unit.keyframe()) {
            return new Picture(false, trackWidth, trackHeight);
        }
        try {
            Vp9FrameHeader header = Vp9FrameHeader.ofUnit(unit.dataView());
            if (header.keyframe()) {
                return new Picture(true, header.width(), header.height());
            }
        } catch (IllegalArgumentException unreadable) {
            // the source called it a keyframe: send it as one, with the track's size
        }
        return new Picture(true, trackWidth, trackHeight);
    }

    /** What one unit's descriptors say: whether it is a keyframe, and its size (0 when unknown). */
    private record Picture(boolean keyframe, int width, int height) implements Descriptors {
        @Override
        public int size(boolean first) {
            return Vp9PayloadDescriptor.writtenSize(first, keyframe, width, height);
        }

        @Override
        public void write(ByteBuffer out, boolean first, boolean last) {
            Vp9PayloadDescriptor.write(out, first, last, keyframe, width, height);
        }
    }
}
