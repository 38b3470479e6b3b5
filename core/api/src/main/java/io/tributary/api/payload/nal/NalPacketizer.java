package io.tributary.api.payload.nal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.payload.Packetizer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts access units of length-prefixed NAL units into RTP payloads in non-interleaved mode:
 * consecutive NAL units that fit together go into one aggregation packet (H.264 STAP-A,
 * H.265 AP), a NAL unit that fits alone goes as a single NAL unit packet (a slice of the
 * access unit, no copy), a larger one is cut into fragmentation units (one small copy per
 * fragment). Subclasses write their codec's packet headers.
 *
 * <p>A keyframe without all the parameter sets given at creation gets them inserted before
 * its first NAL unit (after a leading access unit delimiter), so that clients joining or
 * seeking start decoding at once.
 */
public abstract class NalPacketizer implements Packetizer {
    /** An aggregated NAL unit's length field. */
    private static final int AGGREGATED_LENGTH = 2;

    private final int maxPayloadSize;
    /** Largest aggregation packet: its NAL unit lengths are 16 bits. */
    private final int maxAggregateSize;
    private final int aggregationHeaderSize;
    private final int fragmentHeaderSize;
    private final int nalHeaderSize;
    private final List<ByteBuffer> parameterSets;
    private final Set<Integer> parameterSetTypes = new HashSet<>();

    /**
     * @param maxPayloadSize        largest RTP payload, more than {@code fragmentHeaderSize}
     * @param parameterSets         parameter set NAL units to send before keyframes that lack them; may be empty
     * @param nalHeaderSize         the codec's NAL unit header size (1 for H.264, 2 for H.265)
     * @param aggregationHeaderSize the aggregation packet's header size
     * @param fragmentHeaderSize    the fragmentation unit's header size (before the fragment data)
     * @throws IllegalArgumentException when the payload size leaves no room for fragment data
     */
    protected NalPacketizer(int maxPayloadSize, List<ByteBuffer> parameterSets, int nalHeaderSize,
            int aggregationHeaderSize, int fragmentHeaderSize) {
        if (maxPayloadSize <= fragmentHeaderSize) {
            throw new IllegalArgumentException("max payload size " + maxPayloadSize + " is below "
                    + (fragmentHeaderSize + 1) + " bytes");
        }
        this.maxPayloadSize = maxPayloadSize;
        this.maxAggregateSize = Math.min(maxPayloadSize, 0xFFFF);
        this.nalHeaderSize = nalHeaderSize;
        this.aggregationHeaderSize = aggregationHeaderSize;
        this.fragmentHeaderSize = fragmentHeaderSize;
        this.parameterSets = List.copyOf(parameterSets);
    }

    /** The type of a NAL unit, from its header at its position. */
    protected abstract int nalType(ByteBuffer nal);

    /** Whether a NAL unit of this type makes its access unit a keyframe (IDR, IRAP). */
    protected abstract boolean isKeyframe(int nalType);

    /** Whether NAL units of this type are access unit delimiters (kept first). */
    protected abstract boolean isDelimiter(int nalType);

    /** Writes the aggregation packet's header for {@code group} (its NAL units follow, each behind its length). */
    protected abstract void writeAggregationHeader(ByteBuffer out, List<ByteBuffer> group);

    /** Writes a fragmentation unit's header for {@code nal}, with its start and end flags. */
    protected abstract void writeFragmentHeader(ByteBuffer out, ByteBuffer nal, boolean start, boolean end);

    /**
     * @throws IllegalArgumentException when the access unit is not length-prefixed NAL units
     */
    @Override
    public final List<ByteBuffer> packetize(AccessUnit unit) {
        List<ByteBuffer> nals = withParameterSets(unit, NalUnits.split(unit.dataView()));
        List<ByteBuffer> payloads = new ArrayList<>();
        int groupStart = 0;
        int groupSize = aggregationHeaderSize;
        for (int i = 0; i < nals.size(); i++) {
            int length = nals.get(i).remaining();
            if (i > groupStart && groupSize + AGGREGATED_LENGTH + length <= maxAggregateSize) {
                groupSize += AGGREGATED_LENGTH + length;
                continue;
            }
            flush(nals.subList(groupStart, i), groupSize, payloads);
            if (length > maxPayloadSize) {
                fragment(nals.get(i), payloads);
                groupStart = i + 1;
                groupSize = aggregationHeaderSize;
            } else {
                groupStart = i;
                groupSize = aggregationHeaderSize + AGGREGATED_LENGTH + length;
            }
        }
        flush(nals.subList(groupStart, nals.size()), groupSize, payloads);
        return payloads;
    }

    @Override
    public final boolean markerOnLast() {
        return true;
    }

    private List<ByteBuffer> withParameterSets(AccessUnit unit, List<ByteBuffer> nals) {
        if (parameterSets.isEmpty() || !isKeyframe(unit, nals)) {
            return nals; // the common case: no allocation per unit
        }
        if (parameterSetTypes.isEmpty()) {
            parameterSets.forEach(nal -> parameterSetTypes.add(nalType(nal)));
        }
        Set<Integer> present = new HashSet<>();
        for (ByteBuffer nal : nals) {
            present.add(nalType(nal));
        }
        if (present.containsAll(parameterSetTypes)) {
            return nals;
        }
        int at = !nals.isEmpty() && isDelimiter(nalType(nals.getFirst())) ? 1 : 0;
        List<ByteBuffer> all = new ArrayList<>(nals.size() + parameterSets.size());
        all.addAll(nals.subList(0, at));
        parameterSets.forEach(nal -> all.add(nal.duplicate()));
        all.addAll(nals.subList(at, nals.size()));
        return all;
    }

    private boolean isKeyframe(AccessUnit unit, List<ByteBuffer> nals) {
        if (unit.keyframe()) {
            return true;
        }
        for (ByteBuffer nal : nals) {
            if (isKeyframe(nalType(nal))) {
                return true;
            }
        }
        return false;
    }

    /** Sends a group of NAL units: nothing, one single NAL unit packet, or one aggregation packet. */
    private void flush(List<ByteBuffer> group, int aggregateSize, List<ByteBuffer> payloads) {
        if (group.size() == 1) {
            payloads.add(group.getFirst());
        } else if (group.size() > 1) {
            ByteBuffer aggregate = ByteBuffer.allocate(aggregateSize);
            writeAggregationHeader(aggregate, group);
            for (ByteBuffer nal : group) {
                aggregate.putShort((short) nal.remaining());
                aggregate.put(nal.duplicate());
            }
            payloads.add(aggregate.flip().asReadOnlyBuffer());
        }
    }

    /** Fragmentation units of a NAL unit larger than a payload; never a single fragment with start and end set. */
    private void fragment(ByteBuffer nal, List<ByteBuffer> payloads) {
        int chunk = maxPayloadSize - fragmentHeaderSize;
        int length = nal.remaining();
        for (int pos = nalHeaderSize; pos < length; pos += chunk) {
            int size = Math.min(chunk, length - pos);
            ByteBuffer fu = ByteBuffer.allocate(fragmentHeaderSize + size);
            writeFragmentHeader(fu, nal, pos == nalHeaderSize, pos + size == length);
            fu.put(nal.slice(nal.position() + pos, size));
            payloads.add(fu.flip().asReadOnlyBuffer());
        }
    }
}
