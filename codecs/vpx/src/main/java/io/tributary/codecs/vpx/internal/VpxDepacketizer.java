package io.tributary.codecs.vpx.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.payload.Depacketizer;
import io.tributary.rtsp.rtp.RtpSequence;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reassembles VP8 or VP9 pictures from RTP packets: a picture starts at a packet whose
 * descriptor says so and ends at the marker bit; its frame data is what follows each packet's
 * descriptor. The codec's descriptor reader and keyframe test are given at creation.
 *
 * <p>A picture is dropped and counted, and its remaining packets ignored until the next
 * picture start, when a sequence gap follows one of its packets, when a packet's descriptor is
 * malformed, when a packet that does not start a picture carries another timestamp, when it
 * would exceed the size bound, or when its frame header is malformed (the keyframe test
 * throws IllegalArgumentException). Packets that arrive while no picture is open and do not
 * start one (the stream was joined mid-picture, or its start was lost) drop one picture. A
 * picture start while one is open ends that one as it is: its sender left the marker unset.
 * Duplicated and late packets are ignored (see {@link RtpSequence}). A reader that joins after
 * a loss resumes at the next picture, keyframe or not: VP8 and VP9 decoders conceal the
 * missing references, and the units' keyframe flags let a reader start on a keyframe.
 *
 * <p>RTP carries no decode time: it is reported equal to the presentation time, the RTP
 * timestamp. Units are copies: a packet's payload is only valid during {@link #push}.
 */
final class VpxDepacketizer implements Depacketizer {
    private static final int INITIAL_CAPACITY = 16 * 1024;

    private enum State {
        /** Between pictures: the next packet must start one. */
        IDLE,
        /** A picture is open: packets with {@link #timestamp} belong to it. */
        ASSEMBLING,
        /** The picture under way was dropped (and counted): ignore packets until the next start. */
        SKIPPING
    }

    private final int track;
    private final int maxUnitSize;
    private final PayloadDescriptor.Reader descriptors;
    private final Predicate<ByteBuffer> keyframeTest;
    private final RtpSequence sequence = new RtpSequence();
    private State state = State.IDLE;
    private long timestamp;
    private byte[] buffer = new byte[0];
    private int size;
    private long dropped;

    /**
     * @param track        the index of the track the units belong to
     * @param maxUnitSize  the largest picture, in bytes
     * @param descriptors  reads the codec's payload descriptor
     * @param keyframeTest whether a whole unit is a keyframe; throws IllegalArgumentException when
     *                     its frame header is malformed
     */
    VpxDepacketizer(int track, int maxUnitSize, PayloadDescriptor.Reader descriptors,
            Predicate<ByteBuffer> keyframeTest) {
        this.track = track;
        this.maxUnitSize = maxUnitSize;
        this.descriptors = descriptors;
        this.keyframeTest = keyframeTest;
    }

    @Override
    public List<AccessUnit> push(RtpPacket packet) {
        RtpSequence.Arrival arrival = sequence.next(packet.sequenceNumber(), packet.ssrc());
        if (arrival == RtpSequence.Arrival.STALE) {
            return List.of();
        }
        if (arrival == RtpSequence.Arrival.AFTER_GAP && state == State.ASSEMBLING) {
            drop();
        }
        ByteBuffer payload = packet.payload();
        PayloadDescriptor descriptor = descriptors.read(payload);
        if (descriptor == null || !descriptor.pictureStart()
                && (state != State.ASSEMBLING || packet.timestamp() != timestamp)) {
            if (state != State.SKIPPING) {
                drop();
            }
            if (packet.marker()) {
                state = State.IDLE; // the damaged picture ends here
            }
            return List.of();
        }
        AccessUnit previous = null;
        if (descriptor.pictureStart()) {
            if (state == State.ASSEMBLING) {
                previous = close();
            }
            state = State.ASSEMBLING;
            timestamp = packet.timestamp();
            size = 0;
        }
        if (!append(payload, descriptor.size())) {
            drop();
            if (packet.marker()) {
                state = State.IDLE;
            }
            return previous == null ? List.of() : List.of(previous);
        }
        AccessUnit current = packet.marker() ? close() : null;
        if (previous == null) {
            return current == null ? List.of() : List.of(current);
        }
        return current == null ? List.of(previous) : List.of(previous, current);
    }

    @Override
    public long droppedUnits() {
        return dropped;
    }

    private void drop() {
        dropped++;
        state = State.SKIPPING;
        size = 0;
    }

    private boolean append(ByteBuffer payload, int skip) {
        int length = payload.remaining() - skip;
        if (length > maxUnitSize - size) {
            return false;
        }
        if (size + length > buffer.length) {
            int capacity = Math.max(INITIAL_CAPACITY, buffer.length);
            while (capacity < size + length) {
                capacity = (int) Math.min(maxUnitSize, 2L * capacity);
            }
            buffer = Arrays.copyOf(buffer, capacity);
        }
        payload.get(payload.position() + skip, buffer, size, length);
        size += length;
        return true;
    }

    /** Ends the open picture: returns it, or {@code null} (counted) when its frame header is malformed. */
    private AccessUnit close() {
        state = State.IDLE;
        ByteBuffer data = ByteBuffer.wrap(Arrays.copyOf(buffer, size));
        size = 0;
        boolean keyframe;
        try {
            keyframe = keyframeTest.test(data.asReadOnlyBuffer());
        } catch (IllegalArgumentException malformed) {
            dropped++;
            return null;
        }
        return new AccessUnit(track, timestamp, timestamp, keyframe, data);
    }
}
