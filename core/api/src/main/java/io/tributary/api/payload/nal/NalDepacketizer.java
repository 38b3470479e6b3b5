package io.tributary.api.payload.nal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.payload.Depacketizer;
import io.tributary.rtsp.rtp.RtpSequence;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reassembles access units of length-prefixed NAL units from RTP packets in non-interleaved
 * mode; subclasses read their codec's payload structures ({@link #read}) and feed whole NAL
 * units and fragments through {@link #addNal}, {@link #beginFragment} and {@link #appendFragment}.
 * Every NAL unit is kept, parameter sets, SEI and delimiters sent in band included; a unit
 * holding a NAL unit of a {@linkplain #isKeyframe keyframe type} is a keyframe.
 *
 * <p>An access unit is all packets with one RTP timestamp; it ends at the marker bit or when
 * the timestamp changes (a sender may leave the marker unset, or its packet may be lost). It
 * is dropped and counted, and the rest of its packets ignored, when a sequence gap follows one
 * of its packets (the lost packets may be its tail), when a fragment arrives without its start
 * or the unit ends inside a fragmented NAL unit, on a malformed or unsupported payload, or
 * when it would exceed the size bound. A unit whose first packet follows a gap may have lost
 * its head instead: it is kept only when its first slice starts the picture (the first bit of
 * the slice data is 1: H.264's {@code first_mb_in_slice} 0, H.265's
 * {@code first_slice_segment_in_pic_flag}), so that losing a whole frame does not cost the
 * next one too. Duplicated and late packets are ignored (see {@link RtpSequence}).
 *
 * <p>RTP carries no decode time: it is reported equal to the presentation time, the RTP
 * timestamp. Units are copies: a packet's payload is only valid during {@link #push}.
 */
public abstract class NalDepacketizer implements Depacketizer {
    /** Default bound on a reassembled access unit. */
    public static final int DEFAULT_MAX_UNIT_SIZE = 8 * 1024 * 1024;

    private final int track;
    private final NalUnitAssembler unit;
    private final RtpSequence sequence = new RtpSequence();
    private long dropped;
    /** A unit is open: packets with {@link #timestamp} belong to it. */
    private boolean open;
    private long timestamp;
    /** The open unit is damaged: ignore its packets, emit nothing for it. */
    private boolean damaged;
    /** A fragmented NAL unit has started and not yet ended. */
    private boolean inFragment;
    /** The open unit began after a gap and no slice has yet shown that its head is there. */
    private boolean headUnsure;
    private boolean keyframe;

    /**
     * @param track       the index of the track the units belong to
     * @param maxUnitSize the largest access unit, in bytes
     */
    protected NalDepacketizer(int track, int maxUnitSize) {
        this.track = track;
        this.unit = new NalUnitAssembler(maxUnitSize);
    }

    /** Adds one RTP payload to the open unit; {@code false} when it is malformed, unsupported or too large. */
    protected abstract boolean read(ByteBuffer payload);

    /** The NAL unit type in the first byte of a NAL unit header (or of an RTP payload header). */
    protected abstract int nalType(int firstHeaderByte);

    /** The size of the codec's NAL unit header: 1 (H.264) or 2 (H.265). */
    protected abstract int headerSize();

    /** Whether a NAL unit of this type makes its access unit a keyframe (IDR, IRAP). */
    protected abstract boolean isKeyframe(int nalType);

    /** Whether NAL units of this type are slices whose data begins with the "first in picture" bit. */
    protected abstract boolean isSliceStartingWithFirstFlag(int nalType);

    @Override
    public final List<AccessUnit> push(RtpPacket packet) {
        RtpSequence.Arrival arrival = sequence.next(packet.sequenceNumber(), packet.ssrc());
        if (arrival == RtpSequence.Arrival.STALE) {
            return List.of();
        }
        boolean gap = arrival == RtpSequence.Arrival.AFTER_GAP;
        if (gap && open) {
            damage();
        }
        AccessUnit previous = open && packet.timestamp() != timestamp ? close() : null;
        if (!open) {
            open = true;
            timestamp = packet.timestamp();
            headUnsure = gap;
        }
        if (!damaged && !read(packet.payload())) {
            damage();
        }
        AccessUnit current = packet.marker() ? close() : null;
        if (previous == null) {
            return current == null ? List.of() : List.of(current);
        }
        return current == null ? List.of(previous) : List.of(previous, current);
    }

    @Override
    public final long droppedUnits() {
        return dropped;
    }

    /** Adds a whole NAL unit (the buffer's remaining bytes); {@code false} inside a fragmented one or when refused. */
    protected final boolean addNal(ByteBuffer nal) {
        if (inFragment || !nal.hasRemaining()) {
            return false;
        }
        int type = nalType(nal.get(nal.position()));
        if (!headIntact(type, nal, headerSize()) || !unit.addNal(nal)) {
            return false;
        }
        keyframe |= isKeyframe(type);
        return true;
    }

    /**
     * Starts a fragmented NAL unit with its reconstructed {@code header}; {@code body} is the
     * first fragment's data (checked, not consumed: add it with {@link #appendFragment}).
     */
    protected final boolean beginFragment(byte[] header, ByteBuffer body) {
        int type = nalType(header[0]);
        if (inFragment || !headIntact(type, body, 0) || !unit.beginNal(header)) {
            return false;
        }
        keyframe |= isKeyframe(type);
        inFragment = true;
        return true;
    }

    /** Adds a fragment's data to the fragmented NAL unit, which {@code end} completes; {@code false} without one. */
    protected final boolean appendFragment(ByteBuffer data, boolean end) {
        if (!inFragment || !unit.append(data)) {
            return false;
        }
        if (end) {
            unit.endNal();
            inFragment = false;
        }
        return true;
    }

    /**
     * Whether the unit still looks whole at its start. Only the first slice of a unit that began
     * after a gap is looked at.
     *
     * @param body where the slice data begins in {@code nal}, relative to its position
     */
    private boolean headIntact(int type, ByteBuffer nal, int body) {
        if (!headUnsure || !isSliceStartingWithFirstFlag(type)) {
            return true;
        }
        headUnsure = false;
        int at = nal.position() + body;
        return at < nal.limit() && (nal.get(at) & 0x80) != 0;
    }

    private void damage() {
        if (!damaged) {
            damaged = true;
            dropped++;
        }
    }

    /** Ends the open unit: returns it when whole, {@code null} when empty or dropped. */
    private AccessUnit close() {
        if (inFragment) {
            damage();
        }
        AccessUnit whole = damaged || unit.isEmpty() ? null
                : new AccessUnit(track, timestamp, timestamp, keyframe, unit.take());
        unit.reset();
        open = false;
        damaged = false;
        inFragment = false;
        headUnsure = false;
        keyframe = false;
        return whole;
    }
}
