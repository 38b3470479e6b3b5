package io.tributary.rtsp.rtp;

import static io.tributary.rtsp.rtp.RtpHeader.u16;
import static io.tributary.rtsp.rtp.RtpHeader.u32;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads an RTCP compound packet (RFC 3550 §6.1). */
public final class RtcpParser {
    private static final int SR = RtcpSenderReport.SR;
    private static final int RR = 201;
    private static final int BYE = RtcpBye.BYE;
    private RtcpParser() {
    }

    /**
     * The packets between {@code compound}'s position and limit, in order, without moving
     * them. Stops at the first packet that is malformed (version other than 2, length past
     * the end, report blocks that do not fit) and returns those before it: never throws.
     */
    public static List<RtcpPacket> parse(ByteBuffer compound) {
        List<RtcpPacket> packets = new ArrayList<>(2);
        int at = compound.position();
        int end = compound.limit();
        while (end - at >= 4) {
            int b0 = compound.get(at) & 0xFF;
            int type = compound.get(at + 1) & 0xFF;
            int length = 4 * (u16(compound, at + 2) + 1);
            if (b0 >> 6 != 2 || length > end - at) {
                break;
            }
            int count = b0 & 0x1F;
            RtcpPacket packet = switch (type) {
                case SR -> length < 28 + 24 * count ? null : new RtcpPacket.SenderReport(
                        u32(compound, at + 4), u32(compound, at + 8) << 32 | u32(compound, at + 12),
                        u32(compound, at + 16), u32(compound, at + 20), u32(compound, at + 24),
                        blocks(compound, at + 28, count));
                case RR -> length < 8 + 24 * count ? null
                        : new RtcpPacket.ReceiverReport(u32(compound, at + 4), blocks(compound, at + 8, count));
                case BYE -> length < 4 + 4 * count ? null : new RtcpPacket.Bye(ssrcs(compound, at + 4, count));
                default -> new RtcpPacket.Other(type);
            };
            if (packet == null) {
                break;
            }
            packets.add(packet);
            at += length;
        }
        return packets;
    }

    private static List<RtcpPacket.ReportBlock> blocks(ByteBuffer b, int at, int count) {
        List<RtcpPacket.ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++, at += 24) {
            int lost = (int) (u32(b, at + 4) & 0xFF_FFFF);
            blocks.add(new RtcpPacket.ReportBlock(u32(b, at), b.get(at + 4) & 0xFF,
                    (lost << 8) >> 8, // 24-bit two's complement
                    u32(b, at + 8), u32(b, at + 12), u32(b, at + 16),
                    u32(b, at + 20)));
        }
        return blocks;
    }

    private static List<Long> ssrcs(ByteBuffer b, int at, int count) {
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(u32(b, at + 4 * i));
        }
        return ssrcs;
    }
}
