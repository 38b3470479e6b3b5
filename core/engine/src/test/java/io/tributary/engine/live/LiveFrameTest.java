package io.tributary.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.tributary.api.transport.PacketTransform;
import io.tributary.api.transport.RtpFrame;
import io.tributary.engine.frame.PooledFrame;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveFrameTest {

    /** Three packets of 12, 20 and 16 bytes, each filled with its own number. */
    private static LiveFrame frame() {
        int[] lengths = {12, 20, 16};
        int[] offsets = {0, 12, 32};
        ByteBuf memory = PooledFrame.allocate(48);
        for (int i = 0; i < 3; i++) {
            for (int b = 0; b < lengths[i]; b++) {
                memory.writeByte(i);
            }
        }
        return new LiveFrame(7, 0, true, 100, 9000, 40_000_000L, memory, offsets, lengths);
    }

    /** Appends a 2-byte tag {@code 0xEE, n}: what SRTP does, in small; leaves packet 1 out. */
    private static final class Tagging implements PacketTransform {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public int overhead() {
            return 2;
        }

        @Override
        public int apply(ByteBuffer packet, ByteBuffer out) {
            int n = calls.getAndIncrement();
            if (packet.get(packet.position()) == 1) {
                return -1;
            }
            int length = packet.remaining();
            out.put(packet.duplicate()).put((byte) 0xEE).put((byte) n);
            return length + 2;
        }
    }

    @Test
    void aTransformMakesEveryPacketAnewAndMayLeaveOneOut() {
        RtpFrame made = frame().transform(new Tagging());
        assertEquals(2, made.packetCount());
        assertEquals(14, made.packetLength(0));
        assertEquals(18, made.packetLength(1));
        ByteBuffer packets = made.packets();
        assertEquals((byte) 0xEE, packets.get(made.packetOffset(0) + 12));
        assertEquals(2, packets.get(made.packetOffset(1)), "the third packet follows the first");
        assertEquals((byte) 0xEE, packets.get(made.packetOffset(1) + 16));
        // the interleaved layout of the result frames the transformed packets
        ByteBuffer interleaved = made.interleaved(4);
        assertEquals('$', interleaved.get(0));
        assertEquals(14, interleaved.getShort(2));
    }

    @Test
    void aSharedTransformIsMadeOncePerFrameWhateverTheNumberOfReaders() {
        LiveFrame frame = frame();
        Tagging tagging = new Tagging();
        Object streamKey = new Object();
        RtpFrame first = frame.transformed(streamKey, tagging);
        for (int reader = 0; reader < 100; reader++) {
            assertSame(first, frame.transformed(streamKey, tagging));
        }
        assertEquals(3, tagging.calls.get(), "one call per packet, not per reader");
        Tagging other = new Tagging();
        frame.transformed(new Object(), other);
        assertEquals(3, other.calls.get(), "another key is another transformation");
    }

    @Test
    void theMemoryReturnsToThePoolWithTheLastReleaseAndNotBefore() {
        LiveFrame frame = frame();
        ByteBuffer interleaved = frame.interleaved(0);
        RtpFrame shared = frame.transformed("key", new Tagging());
        frame.retain(); // a queued write
        frame.release(); // the stream's own reference
        assertEquals(1, frame.references());
        assertEquals('$', interleaved.get(0), "still valid while a write holds the frame");
        assertEquals(14, shared.packetLength(0));
        frame.release(); // the write is done
        assertEquals(0, frame.references());
        assertEquals(0, ((PooledFrame) shared).references(), "layouts it made go with it");
        assertThrows(IllegalStateException.class, frame::retain, "no retain after the last release");
        assertThrows(IllegalStateException.class, frame::release, "no release more often than retained");
    }

    @Test
    void anInterleavedBufferIsTheWritersOwnAndOutlivesTheFrame() {
        LiveFrame frame = frame();
        ByteBuf first = frame.interleavedBuffer(2);
        ByteBuf second = frame.interleavedBuffer(2);
        assertEquals(48 + 3 * 4, first.readableBytes());
        assertEquals('$', first.getByte(0));
        assertEquals(2, first.getByte(1));
        assertEquals(20, first.getShort(16 + 2), "the second packet's length after the first's 4 + 12 bytes");
        frame.release();
        assertEquals(0, frame.references());
        assertEquals(1, second.getByte(16 + 4), "readable after the frame's last release");
        first.release();
        assertEquals(1, second.refCnt());
        second.release();
        assertEquals(0, second.refCnt(), "the layout goes back to the pool with its last writer");
        LiveFrame many = frame();
        List<ByteBuf> made = new java.util.ArrayList<>();
        for (int channel = 0; channel < 6; channel++) { // more channels than a frame keeps layouts for
            made.add(many.interleavedBuffer(channel));
        }
        many.release();
        for (int channel = 0; channel < 6; channel++) {
            ByteBuf buffer = made.get(channel);
            assertEquals(channel, buffer.getByte(1));
            buffer.release();
            assertEquals(0, buffer.refCnt(), "channel " + channel);
        }
    }

    @Test
    void partsHoldTheFramesMemoryAfterTheFrameIsReleased() {
        LiveFrame frame = frame();
        List<LiveFrame> parts = frame.parts(2);
        assertEquals(2, parts.size());
        frame.release();
        assertEquals(0, frame.references());
        LiveFrame second = parts.get(1);
        assertEquals(1, second.packetCount());
        assertEquals(2, second.packets().get(0), "the third packet, readable while the part lives");
        assertEquals(102, second.firstSequence());
        assertTrue(parts.get(0).keyframe());
        assertTrue(!second.keyframe(), "only the first part starts a keyframe");
        parts.forEach(LiveFrame::release);
        assertEquals(0, second.references());
    }

    @Test
    void aTransformForOneReaderBelongsToTheCaller() {
        LiveFrame frame = frame();
        LiveFrame own = frame.transform(new Tagging());
        frame.release();
        assertEquals(1, own.references(), "not released with the frame it came from");
        assertEquals(14, own.packetLength(0));
        own.release();
        assertEquals(0, own.references());
    }
}
