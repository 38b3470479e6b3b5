package io.tributary.transports.multicast.internal;

import io.tributary.api.transport.PacketTransform;
import io.tributary.api.transport.RtpFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RTP packets of one access unit laid out back to back, as the engine's live frames are: the
 * shape readers hand to sinks. Parts share the whole frame's memory, as the engine's paced
 * parts of a keyframe do.
 */
record TestFrame(ByteBuffer data, int[] offsets, int[] lengths) implements RtpFrame {

    /** {@code count} packets of {@code payload} bytes each, numbered from {@code firstSequence}. */
    static TestFrame of(long ssrc, int firstSequence, int count, int payload) {
        ByteBuffer data = ByteBuffer.allocateDirect(count * (12 + payload));
        int[] offsets = new int[count];
        int[] lengths = new int[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = data.position();
            lengths[i] = 12 + payload;
            data.put((byte) 0x80).put((byte) 96).putShort((short) (firstSequence + i)).putInt(90_000)
                    .putInt((int) ssrc);
            for (int b = 0; b < payload; b++) {
                data.put((byte) b);
            }
        }
        return new TestFrame(data.flip().asReadOnlyBuffer(), offsets, lengths);
    }

    /** The frame cut into parts of at most {@code max} packets that point into its memory. */
    List<TestFrame> parts(int max) {
        List<TestFrame> parts = new ArrayList<>();
        for (int first = 0; first < offsets.length; first += max) {
            int end = Math.min(offsets.length, first + max);
            int start = offsets[first];
            int[] partOffsets = new int[end - first];
            for (int i = first; i < end; i++) {
                partOffsets[i - first] = offsets[i] - start;
            }
            int length = offsets[end - 1] + lengths[end - 1] - start;
            parts.add(new TestFrame(data.slice(start, length), partOffsets, Arrays.copyOfRange(lengths, first, end)));
        }
        return parts;
    }

    @Override
    public ByteBuffer packets() {
        return data.duplicate();
    }

    @Override
    public int packetCount() {
        return offsets.length;
    }

    @Override
    public int packetOffset(int index) {
        return offsets[index];
    }

    @Override
    public int packetLength(int index) {
        return lengths[index];
    }

    @Override
    public ByteBuffer interleaved(int channel) {
        ByteBuffer framed = ByteBuffer.allocate(data.limit() + 4 * offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            framed.put((byte) '$').put((byte) channel).putShort((short) lengths[i]).put(data.slice(offsets[i], lengths[i]));
        }
        return framed.flip().asReadOnlyBuffer();
    }

    @Override
    public RtpFrame transformed(Object key, PacketTransform transform) {
        return transform(transform);
    }

    @Override
    public RtpFrame transform(PacketTransform transform) {
        ByteBuffer out = ByteBuffer.allocate(data.limit() + transform.overhead() * offsets.length);
        int[] newOffsets = new int[offsets.length];
        int[] newLengths = new int[offsets.length];
        int kept = 0;
        for (int i = 0; i < offsets.length; i++) {
            int at = out.position();
            int written = transform.apply(data.slice(offsets[i], lengths[i]), out.slice(at, lengths[i] + transform.overhead()));
            if (written >= 0) {
                newOffsets[kept] = at;
                newLengths[kept++] = written;
                out.position(at + written);
            }
        }
        return new TestFrame(out.flip().asReadOnlyBuffer(), Arrays.copyOf(newOffsets, kept), Arrays.copyOf(newLengths, kept));
    }

    /** Memory on the heap, collected with the frame: nothing to count. */
    @Override
    public RtpFrame retain() {
        return this;
    }

    @Override
    public void release() {
    }
}
