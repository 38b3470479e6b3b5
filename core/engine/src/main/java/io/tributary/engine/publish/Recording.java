package io.tributary.engine.publish;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.payload.Depacketizer;
import io.tributary.rtsp.rtp.RtcpPacket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A publisher's session: the RTP it sends on each set-up track is depacketized and the
 * access units go to its {@link io.tributary.api.source.Publication}. Packets before RECORD,
 * of a track not set up, with another payload type or that are not RTP are dropped and
 * counted, never passed on.
 */
public final class Recording {
    private final Announcement announcement;
    private final Depacketizer[] depacketizers;
    private final LongAdder packets = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private volatile boolean recording;
    private volatile boolean closed;

    public Recording(Announcement announcement) {
        this.announcement = announcement;
        this.depacketizers = new Depacketizer[announcement.media().tracks().size()];
    }

    public Announcement announcement() {
        return announcement;
    }

    public synchronized void setupTrack(int track, Depacketizer depacketizer) {
        depacketizers[track] = depacketizer;
    }

    public synchronized boolean hasTrack(int track) {
        return depacketizers[track] != null;
    }

    /** RECORD: from now on received media is published. */
    public void start() {
        recording = true;
    }

    public boolean recording() {
        return recording;
    }

    /** One packet the publisher sent on {@code track}; on the receiving thread. */
    public void rtpReceived(int track, ByteBuffer buffer) {
        Depacketizer depacketizer;
        synchronized (this) {
            depacketizer = track < depacketizers.length ? depacketizers[track] : null;
        }
        RtpPacket packet = RtpPacket.parse(buffer);
        if (!recording || depacketizer == null || packet == null
                || packet.payloadType() != announcement.payloadTypes().get(track)) {
            rejected.increment();
            return;
        }
        packets.increment();
        bytes.add(buffer.remaining());
        List<AccessUnit> units;
        synchronized (depacketizer) {
            units = depacketizer.push(packet);
        }
        for (AccessUnit unit : units) {
            announcement.publication().publish(unit);
        }
    }

    /** The publisher's RTCP for a track: its sender reports carry its clock, for lip sync downstream. */
    public void rtcpReceived(int track, List<RtcpPacket> packets) {
        if (!recording) {
            return;
        }
        for (RtcpPacket rtcp : packets) {
            if (rtcp instanceof RtcpPacket.SenderReport report) {
                announcement.publication().senderReport(track, report.ntpTimestamp(), report.rtpTimestamp());
            }
        }
    }

    public long packetsReceived() {
        return packets.sum();
    }

    public long bytesReceived() {
        return bytes.sum();
    }

    /** Packets dropped as not belonging to the recording. */
    public long packetsRejected() {
        return rejected.sum();
    }

    /** The publisher is gone: the publication starts its grace period. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        recording = false;
        announcement.publication().close();
    }
}
