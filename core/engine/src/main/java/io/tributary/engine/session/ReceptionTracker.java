package io.tributary.engine.session;

import io.tributary.api.runtime.ReceptionStats;
import io.tributary.rtsp.rtp.RtcpPacket;
import java.util.List;

/**
 * Reads the report blocks a client sends about one track (matched by the track's SSRC) and
 * keeps the latest: loss and jitter per reader, for the console and metrics. Malformed RTCP
 * is ignored; it still counts as a sign of life.
 */
public final class ReceptionTracker {
    private final long ssrc;
    private final int clockRate;
    private long reports;
    private int fractionLost;
    private long cumulativeLost;
    private long jitter;

    ReceptionTracker(long ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /** The packets of a compound RTCP packet the client sent. */
    void received(List<RtcpPacket> packets) {
        for (RtcpPacket rtcp : packets) {
            List<RtcpPacket.ReportBlock> blocks = switch (rtcp) {
                case RtcpPacket.ReceiverReport rr -> rr.reports();
                case RtcpPacket.SenderReport sr -> sr.reports();
                default -> List.of();
            };
            for (RtcpPacket.ReportBlock block : blocks) {
                if (block.ssrc() == ssrc) {
                    record(block);
                }
            }
        }
    }

    private synchronized void record(RtcpPacket.ReportBlock block) {
        reports++;
        fractionLost = block.fractionLost();
        cumulativeLost = block.cumulativeLost();
        jitter = block.jitter();
    }

    synchronized ReceptionStats stats() {
        return reports == 0 ? ReceptionStats.NONE
                : new ReceptionStats(reports, fractionLost, cumulativeLost, jitter * 1000.0 / clockRate);
    }

    /** The worse of two tracks' figures, with their reports added up. */
    public static ReceptionStats worse(ReceptionStats a, ReceptionStats b) {
        if (a.reports() == 0) {
            return b;
        }
        if (b.reports() == 0) {
            return a;
        }
        return new ReceptionStats(a.reports() + b.reports(), Math.max(a.fractionLost(), b.fractionLost()),
                Math.max(a.cumulativeLost(), b.cumulativeLost()), Math.max(a.jitterMillis(), b.jitterMillis()));
    }
}
