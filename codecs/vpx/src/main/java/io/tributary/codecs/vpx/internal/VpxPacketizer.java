package io.tributary.codecs.vpx.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.payload.Packetizer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a VP8 or VP9 frame into RTP payloads of at most the payload size, each its codec's
 * payload descriptor and the next bytes of the frame, the marker on the last.
 *
 * <p>The payloads are a function of the unit alone: the engine packetizes a file's samples
 * once each, in any order and on any thread, and shares them between sessions, so nothing may
 * be counted from one call to the next. That is why no picture ID is sent (it is optional in
 * both RFC 7741 and RFC 9628 non-flexible mode): one numbered per call skips on the wire, and
 * receivers that check it (ffmpeg) drop every frame up to the next keyframe.
 */
abstract class VpxPacketizer implements Packetizer {
    private final int maxPayloadSize;

    /** The descriptors of one unit's packets. */
    interface Descriptors {
        /** The size of the descriptor of the unit's first packet, or of a later one. */
        int size(boolean first);

        /** Writes one packet's descriptor. */
        void write(ByteBuffer out, boolean first, boolean last);
    }

    /**
     * @param maxPayloadSize   largest RTP payload
     * @param largestDescriptor the largest descriptor the subclass writes
     * @throws IllegalArgumentException when no byte of frame data would fit after the largest descriptor
     */
    VpxPacketizer(String encoding, int maxPayloadSize, int largestDescriptor) {
        if (maxPayloadSize <= largestDescriptor) {
            throw new IllegalArgumentException(encoding + " payloads of " + maxPayloadSize
                    + " bytes leave no room for data after a descriptor of up to " + largestDescriptor);
        }
        this.maxPayloadSize = maxPayloadSize;
    }

    /** How the unit's packets are described, e.g. with the frame's size read from its header. */
    protected abstract Descriptors describe(AccessUnit unit);

    @Override
    public final List<ByteBuffer> packetize(AccessUnit unit) {
        ByteBuffer data = unit.dataView();
        if (!data.hasRemaining()) {
            return List.of();
        }
        Descriptors descriptors = describe(unit);
        List<ByteBuffer> payloads = new ArrayList<>(1 + data.remaining() / (maxPayloadSize - descriptors.size(false)));
        boolean first = true;
        while (data.hasRemaining()) {
            int descriptor = descriptors.size(first);
            int length = Math.min(maxPayloadSize - descriptor, data.remaining());
            boolean last = length == data.remaining();
            ByteBuffer payload = ByteBuffer.allocate(descriptor + length);
            descriptors.write(payload, first, last);
            payload.put(data.slice(data.position(), length));
            data.position(data.position() + length);
            payloads.add(payload.flip().asReadOnlyBuffer());
            first = false;
        }
        return payloads;
    }

    @Override
    public final boolean markerOnLast() {
        return true;
    }
}
