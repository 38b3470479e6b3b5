package io.tributary.codecs.h264.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.payload.Depacketizer;
import io.tributary.rtsp.rtp.RtpSequence;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reassembles H.264 access units in AVCC layout from RTP packets in non-interleaved mode:
 * single NAL unit packets (types 1–23), STAP-A (24) and FU-A (28). Every NAL unit is kept,
 * parameter sets, SEI and delimiters sent in band included; a unit holding an IDR slice is a
 * keyframe.
 *
 * <p>An access unit is all packets with one RTP timestamp; it ends at the marker bit or when
 * the timestamp changes (a sender may leave the marker unset, or its packet may be lost). It is dropped
 * and counted, and the rest of its packets ignored, when a sequence gap follows one of its
 * packets (the lost packets may be its tail), when an FU-A fragment arrives without its start
 * or the unit ends inside a fragmented NAL unit, on a malformed or unsupported payload (STAP-B,
 * MTAP, FU-B), or when it would exceed the size bound. A unit whose first packet follows a gap
 * may have lost its head instead: it is kept only when its first slice starts the picture
 * ({@code first_mb_in_slice} 0), so that losing a whole frame does not cost the next one too.
 * Duplicated and late packets are ignored (see {@link RtpSequence}). Packets of the undefined
 * types 0, 30 and 31 are ignored (RFC 6184 Table 3). The next timestamp starts afresh at its
 * first whole NAL unit or FU-A start.
 *
 * <p>RTP carries no decode time: it is reported equal to the presentation time, the RTP
 * timestamp. Units are copies: a packet's payload is only valid during {@link #push}.
 */
final class H264Depacketizer implements Depacketizer {
    /** Default bound on a reassembled access unit. */
    static final int DEFAULT_MAX_UNIT_SIZE = 8 * 1024 * 1024;

    private final int track;
    private final AvccAssembler unit;
    private final RtpSequence sequence = new RtpSequence();
    private long dropped;
    /** A unit is open: packets with {@link #timestamp} belong to it. */
    private boolean open;
    private long timestamp;
    /** The open unit is damaged: ignore its packets, emit nothing for it. */
    private boolean damaged;
    /** An FU-A NAL unit has started and not yet ended. */
    private boolean inFragment;
    /** The open unit began after a gap and no slice has yet shown that its head is there. */
    private boolean headUnsure;

    H264Depacketizer(int track, int maxUnitSize) {
        this.track = track;
        this.unit = new AvccAssembler(maxUnitSize);
    }

    @Override
    public List<AccessUnit> push(RtpPacket packet) {
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
    public long droppedUnits() {
        return dropped;
    }

    /** Adds one payload to the unit; {@code false} when it is malformed, unsupported or too large. */
    private boolean read(ByteBuffer payload) {
        if (!payload.hasRemaining()) {
            return false;
        }
        int type = NalUnitType.of(payload.get(payload.position()));
        if (type == 0 || type >= 30) {
            return true;
        }
        if (type <= 23) {
            return !inFragment && headIntact(type, payload, 1) && unit.addNal(payload);
        }
        return switch (type) {
            case NalUnitType.STAP_A -> !inFragment && readStapA(payload);
            case NalUnitType.FU_A -> readFuA(payload);
            default -> false;
        };
    }

    private boolean readStapA(ByteBuffer payload) {
        payload.get();
        if (!payload.hasRemaining()) {
            return false;
        }
        while (payload.hasRemaining()) {
            if (payload.remaining() < 2) {
                return false;
            }
            int length = payload.getShort() & 0xFFFF;
            if (length == 0 || length > payload.remaining()) {
                return false;
            }
            ByteBuffer nal = payload.slice(payload.position(), length);
            if (!headIntact(NalUnitType.of(nal.get(0)), nal, 1) || !unit.addNal(nal)) {
                return false;
            }
            payload.position(payload.position() + length);
        }
        return true;
    }

    private boolean readFuA(ByteBuffer payload) {
        if (payload.remaining() < 2) {
            return false;
        }
        int indicator = payload.get();
        int header = payload.get();
        boolean start = (header & 0x80) != 0;
        boolean end = (header & 0x40) != 0;
        if (start == inFragment) {
            return false;
        }
        if (start && (!headIntact(NalUnitType.of(header), payload, 0)
                || !unit.beginNal((indicator & 0xE0) | NalUnitType.of(header)))) {
            return false;
        }
        inFragment = true;
        if (!unit.append(payload)) {
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
     * after a gap is looked at: its {@code first_mb_in_slice}, the first field after the NAL
     * header and an Exp-Golomb code, is 0 exactly when the slice data begins with a 1 bit.
     *
     * @param body where the slice data begins in {@code nal}, relative to its position
     */
    private boolean headIntact(int type, ByteBuffer nal, int body) {
        if (!headUnsure || !NalUnitType.isSliceWithHeader(type)) {
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
                : new AccessUnit(track, timestamp, timestamp, unit.containsIdr(), unit.take());
        unit.reset();
        open = false;
        damaged = false;
        inFragment = false;
        headUnsure = false;
        return whole;
    }
}
