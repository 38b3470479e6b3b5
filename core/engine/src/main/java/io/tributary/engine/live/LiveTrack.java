package io.tributary.engine.live;

import io.netty.buffer.ByteBuf;
import io.tributary.engine.frame.PooledFrame;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Packetizer;
import io.tributary.rtsp.rtp.NtpTime;
import io.tributary.rtsp.rtp.RtcpSenderReport;
import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;

/**
 * The outgoing RTP state of one track of a live stream: SSRC, sequence numbers, the random
 * timestamp offset, and the wall-clock anchor its sender reports map RTP time from.
 * Used under the stream's lock.
 */
final class LiveTrack {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CNAME = "tributary";
    /** 30 frames a second, until the timestamps tell. */
    static final long DEFAULT_FRAME_INTERVAL_NANOS = 33_333_333L;

    final int index;
    final int payloadType;
    final long ssrc = RANDOM.nextInt() & 0xffffffffL;
    final boolean video;
    private final int clockRate;
    /** The RTP time of the stream's start: a random origin (RFC 3550 §5.1), advanced with the wall clock. */
    private final long origin = RANDOM.nextInt() & 0xffffffffL;
    private final long createdMillis = System.currentTimeMillis();
    private long timestampOffset;
    private boolean rebase;
    private int nextSequence = RANDOM.nextInt(0x10000);
    private long packetCount;
    private long octetCount;
    private long lastRtpTime = -1;
    /** The stream's frame interval as its timestamps say (a running average), for pacing large frames. */
    private long frameIntervalNanos = DEFAULT_FRAME_INTERVAL_NANOS;
    private long lastWallEpochMillis;
    /** The source's sender report: its timestamp at a moment of its wall clock, or none yet. */
    private boolean sourceReported;
    private long sourceTimestamp;
    private long sourceEpochMillis;

    LiveTrack(TrackDescription description, int payloadType) {
        this.index = description.index();
        this.payloadType = payloadType;
        this.video = description.type() == MediaType.VIDEO;
        this.clockRate = description.encoding().clockRate();
    }

    int nextSequence() {
        return nextSequence & 0xffff;
    }

    /**
     * The RTP time now: extrapolated from when the last frame arrived, or, before the first
     * frame, from the stream's start, so that what RTP-Info announced to an early reader is
     * where the first frame lands.
     */
    long rtpTimeNow() {
        if (lastRtpTime < 0) {
            return (origin + (System.currentTimeMillis() - createdMillis) * clockRate / 1000) & 0xffffffffL;
        }
        return (lastRtpTime + (System.currentTimeMillis() - lastWallEpochMillis) * clockRate / 1000) & 0xffffffffL;
    }

    /** The source restarted: the next unit's time continues from now, whatever its own timestamp. */
    void discontinuity() {
        rebase = true;
        sourceReported = false;
    }

    /** The source's mapping of this track's timestamps to its wall clock. */
    void sourceReport(long sourceEpochMillis, long timestamp) {
        this.sourceReported = true;
        this.sourceEpochMillis = sourceEpochMillis;
        this.sourceTimestamp = timestamp;
    }

    /**
     * Packetizes one unit into a frame: headers written once, payloads copied once into pooled
     * direct memory. The caller owns the frame (one reference).
     */
    LiveFrame frame(long frameIndex, AccessUnit unit, Packetizer packetizer) {
        if (rebase || lastRtpTime < 0) {
            // The source's timestamps start anywhere: its first unit (and its first after a
            // restart) lands at the stream's time now; later ones keep their distance to it.
            rebase = false;
            timestampOffset = (rtpTimeNow() - unit.presentationTime()) & 0xffffffffL;
        }
        List<ByteBuffer> payloads = packetizer.packetize(unit);
        int total = 0;
        for (ByteBuffer payload : payloads) {
            total += RtpHeader.SIZE + payload.remaining();
        }
        ByteBuf memory = PooledFrame.allocate(total);
        ByteBuffer data = memory.nioBuffer(0, total);
        int[] offsets = new int[payloads.size()];
        int[] lengths = new int[payloads.size()];
        long rtpTime = (unit.presentationTime() + timestampOffset) & 0xffffffffL;
        learnFrameInterval(rtpTime);
        int first = nextSequence();
        for (int i = 0; i < payloads.size(); i++) {
            ByteBuffer payload = payloads.get(i).duplicate();
            boolean marker = packetizer.markerOnLast() && i == payloads.size() - 1;
            offsets[i] = data.position();
            lengths[i] = RtpHeader.SIZE + payload.remaining();
            RtpHeader.write(data, marker, payloadType, nextSequence, rtpTime, ssrc);
            octetCount += payload.remaining();
            data.put(payload);
            nextSequence = (nextSequence + 1) & 0xffff;
        }
        packetCount += payloads.size();
        lastRtpTime = rtpTime;
        lastWallEpochMillis = System.currentTimeMillis();
        boolean keyframe = !video || unit.keyframe();
        memory.writerIndex(total);
        return new LiveFrame(frameIndex, index, keyframe, first, rtpTime, frameIntervalNanos, memory, offsets, lengths);
    }

    /** Averages the distance between this frame's timestamp and the last one (decode order: skips what goes back). */
    private void learnFrameInterval(long rtpTime) {
        if (lastRtpTime < 0) {
            return;
        }
        long delta = (rtpTime - lastRtpTime) & 0xffffffffL;
        if (delta == 0 || delta >= clockRate) {
            return; // the same picture's units, reordered frames, or a gap of a second or more
        }
        long interval = delta * 1_000_000_000L / clockRate;
        frameIntervalNanos = (frameIntervalNanos * 7 + interval) / 8;
    }

    /**
     * A sender report (RFC 3550 §6.4.1) mapping the wall clock now to RTP time. With the
     * source's own report, its mapping is kept (shifted by {@code sourceClockLagMillis}, the
     * same for every track, so the tracks stay in sync as the source had them); without, the
     * time is extrapolated from when the last frame arrived.
     *
     * @param sourceClockLagMillis how far the source's wall clock is behind ours, or null when unknown
     */
    void writeSenderReport(ByteBuffer dst, Long sourceClockLagMillis) {
        long now = System.currentTimeMillis();
        long rtpNow = rtpTimeNow();
        if (sourceReported && sourceClockLagMillis != null && lastRtpTime >= 0) {
            long sourceNow = now - sourceClockLagMillis;
            long sourceTime = sourceTimestamp + (sourceNow - sourceEpochMillis) * clockRate / 1000;
            rtpNow = (sourceTime + timestampOffset) & 0xffffffffL;
        }
        RtcpSenderReport.write(dst, ssrc, NtpTime.fromEpochMillis(now), rtpNow, packetCount, octetCount, CNAME);
    }
}
