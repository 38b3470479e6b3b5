package io.tributary.engine.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.tributary.api.transport.PacketTransform;
import io.tributary.api.transport.RtpFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * RTP packets back to back in pooled direct memory, reference-counted: made once, sent by
 * every transport without copying, and returned to the pool when its last user releases it
 * (instead of an {@code allocateDirect} per frame that only a garbage collection frees, and
 * that makes the JVM collect when direct memory runs short). What it lends out (its packets, the
 * interleaved and transformed layouts it makes and keeps) lives as long as it does.
 */
public class PooledFrame implements RtpFrame {
    /** Interleaved layouts kept per frame (nearly every reader of a track uses the same channel). */
    private static final int MAX_KEPT = 4;
    private static final AtomicIntegerFieldUpdater<PooledFrame> REFERENCES =
            AtomicIntegerFieldUpdater.newUpdater(PooledFrame.class, "references");

    private final ByteBuf memory;
    private final ByteBuffer data;
    private final int[] offsets;
    private final int[] lengths;
    @SuppressWarnings("unused") // through REFERENCES
    private volatile int references = 1;
    private static final Layout[] NO_LAYOUTS = new Layout[0];

    /** An interleaved layout of the packets for one channel. */
    private record Layout(int channel, ByteBuf buffer) {
    }

    /**
     * Interleaved layouts by channel: replaced (under the lock), never changed, so that readers
     * on every I/O thread find theirs without taking the lock at the same moment.
     */
    private volatile Layout[] interleaved = NO_LAYOUTS;
    /** Transformed copies by key: few per frame, so a small list. */
    private List<Map.Entry<Object, PooledFrame>> transformed;

    /**
     * Takes over {@code memory} (one reference, released with the frame).
     *
     * @param memory  the packets, from {@code readerIndex} 0 to {@code writerIndex}
     * @param offsets where each packet starts
     * @param lengths each packet's length
     */
    protected PooledFrame(ByteBuf memory, int[] offsets, int[] lengths) {
        this.memory = memory;
        this.data = memory.nioBuffer(0, memory.writerIndex()).asReadOnlyBuffer();
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /** Direct memory for {@code bytes} of packets, from the pool. */
    public static ByteBuf allocate(int bytes) {
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes, bytes);
    }

    /** A frame of {@code memory}'s packets; see the constructor. */
    public static PooledFrame of(ByteBuf memory, int[] offsets, int[] lengths) {
        return new PooledFrame(memory, offsets, lengths);
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

    /** Total bytes of the packets, headers included. */
    public int size() {
        return data.limit();
    }

    @Override
    public ByteBuffer interleaved(int channel) {
        ByteBuf framed = interleavedBuffer(channel);
        try {
            if (framed.refCnt() > 1) {
                return view(framed); // a kept layout: valid as long as this frame is
            }
            // a channel beyond the few kept: a copy on the heap, freed by the collector
            ByteBuffer copy = ByteBuffer.allocate(framed.readableBytes());
            framed.getBytes(framed.readerIndex(), copy);
            return copy.flip().asReadOnlyBuffer();
        } finally {
            framed.release();
        }
    }

    /**
     * The interleaved layout for {@code channel} (RFC 2326 §10.12) as a buffer of its own that
     * the caller releases, e.g. by handing it to a Netty write: it stays valid after this frame
     * is released, so a connection writes it with no reference to the frame and no promise.
     */
    public ByteBuf interleavedBuffer(int channel) {
        ByteBuf kept = interleavedLayout(channel);
        return kept != null ? kept.retainedDuplicate() : layout(channel);
    }

    /**
     * The interleaved layout for {@code channel} that this frame keeps, made on first use, with
     * no reference of the caller's: valid while the caller holds this frame. {@code null} when
     * more channels are in use than a frame keeps ({@link #interleavedBuffer} then makes a copy).
     */
    public ByteBuf interleavedLayout(int channel) {
        ByteBuf kept = keptLayout(interleaved, channel);
        return kept != null ? kept : keepLayout(channel);
    }

    private static ByteBuf keptLayout(Layout[] layouts, int channel) {
        for (Layout made : layouts) {
            if (made.channel() == channel) {
                return made.buffer();
            }
        }
        return null;
    }

    private synchronized ByteBuf keepLayout(int channel) {
        Layout[] layouts = interleaved;
        ByteBuf kept = keptLayout(layouts, channel);
        if (kept != null || layouts.length >= MAX_KEPT) {
            return kept; // made meanwhile by another reader, or no room
        }
        ByteBuf framed = layout(channel);
        Layout[] grown = Arrays.copyOf(layouts, layouts.length + 1);
        grown[layouts.length] = new Layout(channel, framed);
        interleaved = grown;
        return framed;
    }

    private ByteBuf layout(int channel) {
        ByteBuf framed = allocate(data.limit() + 4 * offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            framed.writeByte('$').writeByte(channel).writeShort(lengths[i]);
            framed.writeBytes(data.slice(offsets[i], lengths[i]));
        }
        return framed;
    }

    private static ByteBuffer view(ByteBuf buffer) {
        return buffer.nioBuffer(0, buffer.writerIndex()).asReadOnlyBuffer();
    }

    @Override
    public synchronized RtpFrame transformed(Object key, PacketTransform transform) {
        if (transformed == null) {
            transformed = new ArrayList<>(2);
        }
        for (Map.Entry<Object, PooledFrame> made : transformed) {
            if (made.getKey().equals(key)) {
                return made.getValue();
            }
        }
        // made while holding this frame's lock: readers of the same frame wait for the one result
        // kept whatever their number (one per stream key in use, so few): the caller does not release it
        PooledFrame made = transform(transform);
        transformed.add(Map.entry(key, made));
        return made;
    }

    @Override
    public PooledFrame transform(PacketTransform transform) {
        int overhead = transform.overhead();
        ByteBuf out = allocate(data.limit() + overhead * offsets.length);
        ByteBuffer view = out.nioBuffer(0, out.capacity());
        int[] newOffsets = new int[offsets.length];
        int[] newLengths = new int[offsets.length];
        int kept = 0;
        int at = 0;
        for (int i = 0; i < offsets.length; i++) {
            int written = transform.apply(data.slice(offsets[i], lengths[i]).asReadOnlyBuffer(),
                    view.slice(at, lengths[i] + overhead));
            if (written < 0) {
                continue; // left out by the transform
            }
            newOffsets[kept] = at;
            newLengths[kept] = written;
            kept++;
            at += written;
        }
        out.writerIndex(at);
        return derived(out, Arrays.copyOf(newOffsets, kept), Arrays.copyOf(newLengths, kept), 0);
    }

    /**
     * Packets {@code first} (inclusive) to {@code end} (exclusive) as a frame of their own that
     * shares this frame's memory (and holds a reference to it); the caller owns it.
     */
    public PooledFrame slice(int first, int end) {
        int start = offsets[first];
        int length = offsets[end - 1] + lengths[end - 1] - start;
        int[] partOffsets = new int[end - first];
        for (int i = first; i < end; i++) {
            partOffsets[i - first] = offsets[i] - start;
        }
        return derived(memory.retainedSlice(start, length), partOffsets, Arrays.copyOfRange(lengths, first, end), first);
    }

    /**
     * A frame made from this one (transformed, or a slice) over {@code memory}: subclasses keep
     * their own description (track, keyframe…) on it.
     *
     * @param firstPacket which of this frame's packets the new one starts with (0 for a transformation)
     */
    protected PooledFrame derived(ByteBuf memory, int[] offsets, int[] lengths, int firstPacket) {
        return new PooledFrame(memory, offsets, lengths);
    }

    @Override
    public PooledFrame retain() {
        int before = REFERENCES.getAndIncrement(this);
        if (before <= 0) {
            REFERENCES.getAndDecrement(this);
            throw new IllegalStateException("frame retained after its last release");
        }
        return this;
    }

    /**
     * Takes a reference unless the last one is gone already: for frames that a cache may
     * release at any moment. Returns whether the caller now holds a reference.
     */
    public boolean tryRetain() {
        for (int current = REFERENCES.get(this); current > 0; current = REFERENCES.get(this)) {
            if (REFERENCES.compareAndSet(this, current, current + 1)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void release() {
        int left = REFERENCES.decrementAndGet(this);
        if (left == 0) {
            deallocate();
        } else if (left < 0) {
            REFERENCES.incrementAndGet(this);
            throw new IllegalStateException("frame released more often than retained");
        }
    }

    /** References held: 0 once returned to the pool. */
    public int references() {
        return REFERENCES.get(this);
    }

    private void deallocate() {
        Layout[] layouts;
        List<Map.Entry<Object, PooledFrame>> copies;
        synchronized (this) {
            layouts = interleaved;
            copies = transformed;
            interleaved = NO_LAYOUTS;
            transformed = null;
        }
        memory.release();
        for (Layout layout : layouts) {
            layout.buffer().release();
        }
        if (copies != null) {
            copies.forEach(e -> e.getValue().release());
        }
    }
}
