package io.tributary.transports.udp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;
import io.tributary.api.transport.RtpFrame;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Cuts a shared frame into as few datagram sends as the kernel allows, pointing into the
 * frame's memory (no copy). With UDP GSO ({@code UDP_SEGMENT}) a run of back-to-back packets
 * of one size (the last may be shorter) goes out as one segmented datagram that the kernel
 * splits: one send per reader per frame instead of one per packet. Without GSO, or for
 * packets of odd sizes (parameter sets before a keyframe), each packet is its own datagram.
 */
final class FrameDatagrams {
    /** Segments per GSO send (the kernel takes up to 64); keeps a send within one 64 KB skb. */
    static final int MAX_SEGMENTS = 40;
    static final int MAX_GSO_BYTES = 60_000;

    private FrameDatagrams() {
    }

    /**
     * Adds the frame's datagrams for {@code target} to {@code out}; returns how many packets they
     * carry. The datagrams point into the frame, so the frame is retained, to be released when
     * the last of them is written.
     */
    static int add(RtpFrame frame, InetSocketAddress target, boolean gso, List<UdpSender.Outgoing> out) {
        ByteBuf packets = Unpooled.wrappedBuffer(frame.packets());
        frame.retain();
        int count = frame.packetCount();
        int i = 0;
        while (i < count) {
            int size = frame.packetLength(i);
            int end = gso ? runEnd(frame, i, size) : i + 1;
            int start = frame.packetOffset(i);
            int length = frame.packetOffset(end - 1) + frame.packetLength(end - 1) - start;
            ByteBuf content = packets.retainedSlice(start, length);
            DatagramPacket datagram = end - i == 1 ? new DatagramPacket(content, target)
                    : new SegmentedDatagramPacket(content, size, target);
            out.add(new UdpSender.Outgoing(datagram, end == count ? frame : null));
            i = end;
        }
        packets.release();
        return count;
    }

    /** The end (exclusive) of the run starting at {@code first}: same size, contiguous, within the limits. */
    private static int runEnd(RtpFrame frame, int first, int size) {
        int end = first + 1;
        while (end < frame.packetCount() && end - first < MAX_SEGMENTS
                && (end - first + 1) * size <= MAX_GSO_BYTES
                && frame.packetOffset(end) == frame.packetOffset(end - 1) + frame.packetLength(end - 1)) {
            int length = frame.packetLength(end);
            if (length > size) {
                break;
            }
            end++;
            if (length < size) {
                break; // a shorter segment can only be the last one
            }
        }
        return end;
    }
}
