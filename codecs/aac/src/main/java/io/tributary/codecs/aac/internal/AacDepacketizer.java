package io.tributary.codecs.aac.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.payload.Depacketizer;
import io.tributary.rtsp.rtp.RtpSequence;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AAC access units from AAC-hbr RTP payloads (RFC 3640 §3.2, header sizes of
 * {@link AacHbr}). A payload with several AU-headers yields several units, the i-th at the
 * packet's timestamp plus i frame durations (interleaving is not supported: AU-Index and
 * AU-Index-delta are ignored). A payload with one AU-header whose AU-size exceeds its data is a
 * fragment; fragments are joined until the unit is whole.
 *
 * <p>A fragmented unit is dropped and counted when a sequence gap or a new timestamp interrupts
 * it, when the marker comes before it is whole, or when fragments disagree with its size; its
 * remaining packets are then ignored. A malformed payload drops the units it announces.
 * Duplicated and late packets are ignored (see {@link RtpSequence}). Units are copied out of
 * the packets, whose buffers may be reused once {@link #push} returns; fragments are joined in
 * a buffer of the announced AU-size, at most {@value AacHbr#MAX_UNIT_SIZE} bytes.
 */
final class AacDepacketizer implements Depacketizer {
    private static final long RTP_TIMESTAMP_MASK = 0xFFFF_FFFFL;

    private final int track;
    private final long frameDuration;
    private final RtpSequence sequence = new RtpSequence();
    private long dropped;
    /** The fragmented unit being joined, {@code null} when none. */
    private byte[] fragment;
    private int fragmentFilled;
    private long fragmentTimestamp;
    /** The packets of a dropped fragmented unit are still arriving: ignore them. */
    private boolean skipping;
    private long skipTimestamp;

    /**
     * @param frameDuration duration of one access unit in RTP clock units
     */
    AacDepacketizer(int track, long frameDuration) {
        this.track = track;
        this.frameDuration = frameDuration;
    }

    @Override
    public List<AccessUnit> push(RtpPacket packet) {
        RtpSequence.Arrival arrival = sequence.next(packet.sequenceNumber(), packet.ssrc());
        if (arrival == RtpSequence.Arrival.STALE) {
            return List.of();
        }
        boolean gap = arrival == RtpSequence.Arrival.AFTER_GAP;
        long timestamp = packet.timestamp();
        if (fragment != null && (gap || timestamp != fragmentTimestamp)) {
            dropFragment(timestamp == fragmentTimestamp);
        }
        if (skipping) {
            if (timestamp == skipTimestamp) {
                skipping = !packet.marker();
                return List.of();
            }
            skipping = false;
        }
        return read(packet.payload(), timestamp, packet.marker());
    }

    @Override
    public long droppedUnits() {
        return dropped;
    }

    private List<AccessUnit> read(ByteBuffer payload, long timestamp, boolean marker) {
        int start = payload.position();
        if (payload.remaining() < 2) {
            return malformed(1);
        }
        int headerBits = payload.getShort(start) & 0xFFFF;
        int count = headerBits / AacHbr.HEADER_BITS;
        int dataStart = start + 2 + (headerBits + 7) / 8;
        if (count == 0 || headerBits % AacHbr.HEADER_BITS != 0 || dataStart > payload.limit()) {
            return malformed(1);
        }
        int available = payload.limit() - dataStart;
        if (count == 1 && (fragment != null || unitSize(payload, start, 0) > available)) {
            return readFragment(payload, dataStart, unitSize(payload, start, 0), timestamp, marker);
        }
        if (fragment != null) {
            dropFragment(false);
        }
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += unitSize(payload, start, i);
        }
        if (total > available) {
            return malformed(count);
        }
        List<AccessUnit> units = new ArrayList<>(count);
        int pos = dataStart;
        for (int i = 0; i < count; i++) {
            int size = unitSize(payload, start, i);
            byte[] data = new byte[size];
            payload.get(pos, data);
            pos += size;
            units.add(unit((timestamp + i * frameDuration) & RTP_TIMESTAMP_MASK, data));
        }
        return units;
    }

    private List<AccessUnit> readFragment(ByteBuffer payload, int dataStart, int size, long timestamp, boolean marker) {
        if (fragment == null) {
            fragment = new byte[size];
            fragmentFilled = 0;
            fragmentTimestamp = timestamp;
        }
        int length = payload.limit() - dataStart;
        if (size != fragment.length || length > size - fragmentFilled) {
            dropFragment(!marker);
            return List.of();
        }
        payload.get(dataStart, fragment, fragmentFilled, length);
        fragmentFilled += length;
        if (fragmentFilled == size) {
            AccessUnit whole = unit(fragmentTimestamp, fragment);
            fragment = null;
            return List.of(whole);
        }
        if (marker) {
            dropFragment(false);
        }
        return List.of();
    }

    /** AU-size of the i-th AU-header of the payload starting at {@code start}. */
    private static int unitSize(ByteBuffer payload, int start, int i) {
        return (payload.getShort(start + 2 + 2 * i) & 0xFFFF) >>> AacHbr.INDEX_LENGTH;
    }

    private AccessUnit unit(long timestamp, byte[] data) {
        return new AccessUnit(track, timestamp, timestamp, true, ByteBuffer.wrap(data));
    }

    private List<AccessUnit> malformed(int units) {
        dropped += units;
        return List.of();
    }

    /** Drops the fragmented unit; with {@code skipRest}, its further packets are ignored. */
    private void dropFragment(boolean skipRest) {
        dropped++;
        fragment = null;
        skipping = skipRest;
        skipTimestamp = fragmentTimestamp;
    }
}
