package io.tributary.rtsp.rtp;

import java.util.List;

/** One packet of an RTCP compound packet, as {@link RtcpParser} reads it. */
public sealed interface RtcpPacket {

    /** A report block (RFC 3550 §6.4.1); 32-bit fields unsigned in a long. */
    record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long highestSeq, long jitter,
            long lsr, long dlsr) {
    }

    /** SR (PT 200). {@code ntpTimestamp} is the 64-bit NTP time. */
    record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
            List<ReportBlock> reports) implements RtcpPacket {
        public SenderReport {
            reports = List.copyOf(reports);
        }
    }

    /** RR (PT 201): what a receiving client sends; also keeps a UDP session alive. */
    record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {
        public ReceiverReport {
            reports = List.copyOf(reports);
        }
    }

    /** BYE (PT 203) with the sources leaving; the reason text is not kept. */
    record Bye(List<Long> ssrcs) implements RtcpPacket {
        public Bye {
            ssrcs = List.copyOf(ssrcs);
        }
    }

    /** Any other packet type (SDES, APP, RTPFB, PSFB, XR, …), recognised but not decoded. */
    record Other(int type) implements RtcpPacket {
    }
}
