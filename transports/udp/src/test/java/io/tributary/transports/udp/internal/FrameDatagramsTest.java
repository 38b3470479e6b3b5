package io.tributary.transports.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;
import io.tributary.api.transport.PacketTransform;
import io.tributary.api.transport.RtpFrame;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDatagramsTest {
    private static final InetSocketAddress READER = new InetSocketAddress("127.0.0.1", 5000);

    /** {@code count} packets of {@code size} bytes back to back, counting its references as the engine's frames do. */
    private static final class CountedFrame implements RtpFrame {
        final int size;
        final int count;
        int references = 1;

        CountedFrame(int count, int size) {
            this.count = count;
            this.size = size;
        }

        @Override
        public ByteBuffer packets() {
            return ByteBuffer.allocateDirect(count * size).asReadOnlyBuffer();
        }

        @Override
        public int packetCount() {
            return count;
        }

        @Override
        public int packetOffset(int index) {
            return index * size;
        }

        @Override
        public int packetLength(int index) {
            return size;
        }

        @Override
        public ByteBuffer interleaved(int channel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RtpFrame transformed(Object key, PacketTransform transform) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RtpFrame transform(PacketTransform transform) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized RtpFrame retain() {
            references++;
            return this;
        }

        @Override
        public synchronized void release() {
            references--;
        }
    }

    @Test
    void aFrameIsSegmentedIntoFewDatagramsAndKeptUntilTheLastIsWritten() {
        CountedFrame frame = new CountedFrame(100, 1400);
        List<UdpSender.Outgoing> out = new ArrayList<>();
        assertEquals(100, FrameDatagrams.add(frame, READER, true, out));
        assertEquals(3, out.size(), "40 + 40 + 20 segments");
        assertTrue(out.get(0).packet() instanceof SegmentedDatagramPacket);
        assertEquals(2, frame.references, "retained for the datagrams");
        assertEquals(frame, out.get(2).written(), "released after the last one");

        EmbeddedChannel socket = new EmbeddedChannel();
        UdpSender sender = new UdpSender(socket, true);
        sender.send(out);
        socket.runPendingTasks();
        assertEquals(1, frame.references, "written: the sender's reference is gone");
        for (Object written; (written = socket.readOutbound()) != null; ) {
            ((DatagramPacket) written).release();
        }
    }

    @Test
    void aBindingClosedBeforeItsBatchWentOutFreesTheBatch() {
        CountedFrame frame = new CountedFrame(3, 200);
        List<UdpSender.Outgoing> out = new ArrayList<>();
        FrameDatagrams.add(frame, READER, false, out);
        assertEquals(3, out.size(), "one datagram per packet without GSO");
        out.forEach(UdpSender.Outgoing::discard);
        assertEquals(1, frame.references);
        assertEquals(0, out.get(0).packet().refCnt());
    }
}
