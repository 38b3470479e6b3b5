package io.tributary.transports.srtp.internal;

import io.tributary.api.transport.PacketTransform;
import io.tributary.api.transport.RtpFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live frame as the engine lays it out (packets back to back in one direct buffer) with the
 * engine's contract for transformations: {@link #transformed} is made once per key and shared,
 * {@link #transform} every time. Counts how often packets were transformed.
 */
final class TestFrame implements RtpFrame {
    private int references = 1;
    private final ByteBuffer data;
    private final int[] offsets;
    private final int[] lengths;
    private final Map<Object, TestFrame> transformed = new IdentityHashMap<>();
    private int transformations;

    private TestFrame(ByteBuffer data, int[] offsets, int[] lengths) {
        this.data = data;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /** Packets with consecutive sequence numbers from {@code firstSequence}, each with {@code payloadSize} bytes. */
    static TestFrame of(long ssrc, int firstSequence, int packets, int payloadSize) {
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < packets; i++) {
            list.add(Rtp.packet(ssrc, (firstSequence + i) & 0xFFFF, 90_000L * firstSequence, payloadSize, i));
        }
        return of(list);
    }

    static TestFrame of(List<byte[]> packets) {
        int total = packets.stream().mapToInt(p -> p.length).sum();
        ByteBuffer data = ByteBuffer.allocateDirect(total);
        int[] offsets = new int[packets.size()];
        int[] lengths = new int[packets.size()];
        for (int i = 0; i < packets.size(); i++) {
            offsets[i] = data.position();
            lengths[i] = packets.get(i).length;
            data.put(packets.get(i));
        }
        return new TestFrame(data.flip().asReadOnlyBuffer(), offsets, lengths);
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

    /** Packet {@code index} as bytes. */
    byte[] packet(int index) {
        byte[] packet = new byte[lengths[index]];
        data.get(offsets[index], packet);
        return packet;
    }

    @Override
    public ByteBuffer interleaved(int channel) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public synchronized RtpFrame transformed(Object key, PacketTransform transform) {
        TestFrame made = transformed.get(key);
        if (made == null) {
            made = transform(transform);
            transformed.put(key, made);
        }
        return made;
    }

    @Override
    public TestFrame transform(PacketTransform transform) {
        synchronized (this) {
            transformations++;
        }
        int overhead = transform.overhead();
        ByteBuffer out = ByteBuffer.allocateDirect(data.limit() + overhead * offsets.length);
        int[] newOffsets = new int[offsets.length];
        int[] newLengths = new int[offsets.length];
        int kept = 0;
        for (int i = 0; i < offsets.length; i++) {
            int at = out.position();
            int written = transform.apply(data.slice(offsets[i], lengths[i]).asReadOnlyBuffer(),
                    out.slice(at, lengths[i] + overhead));
            if (written < 0) {
                continue;
            }
            newOffsets[kept] = at;
            newLengths[kept] = written;
            kept++;
            out.position(at + written);
        }
        return new TestFrame(out.flip().asReadOnlyBuffer(), Arrays.copyOf(newOffsets, kept),
                Arrays.copyOf(newLengths, kept));
    }

    /** Counts uses; tests check that what a sink was given back is balanced. */
    @Override
    public synchronized TestFrame retain() {
        references++;
        return this;
    }

    @Override
    public synchronized void release() {
        if (--references < 0) {
            throw new AssertionError("released more often than retained");
        }
    }

    /** References held (1 when made, as the engine's frames). */
    synchronized int references() {
        return references;
    }

    /** How often this frame's packets were transformed. */
    synchronized int transformations() {
        return transformations;
    }
}
