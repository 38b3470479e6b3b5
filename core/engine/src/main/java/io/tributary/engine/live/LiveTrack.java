package io.tributary.engine.live;

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

    final int index;
    final int payloadType;
    final long ssrc = RANDOM.nextInt() & 0xffffffffL;
    final boolean video;
    private final int clockRate;
    private long timestampOffset = RANDOM.nextInt() & 0xffffffffL;
    private boolean rebase;
    private int nextSequence = RANDOM.nextInt(0x10000);
    private long packetCount;
    private long octetCount;
    private long lastRtpTime = -1;
    private long lastWallEpochMillis;

    LiveTrack(TrackDescription description, int payloadType) {
        this.index = description.index();
        this.payloadType = payloadType;
        this.video = description.type() == MediaType.VIDEO;
        this.clockRate = description.encoding().clockRate();
    }

    int nextSequence() {
        return nextSequence & 0xffff;
    }

    /** The RTP time now, extrapolated from when the last frame arrived. */
    long rtpTimeNow() {
        if (lastRtpTime < 0) {
            return timestampOffset;
        }
        return (lastRtpTime + (System.currentTimeMillis() - lastWallEpochMillis) * clockRate / 1000) & 0xffffffffL;
    }

    /** The source restarted: the next unit's time continues from now, whatever its own timestamp. */
    void discontinuity() {
        rebase = true;
    }

    /** Packetizes one unit into a frame: headers written once, payloads copied once into direct memory. */
    LiveFrame frame(long frameIndex, AccessUnit unit, Packetizer packetizer) {
        if (rebase) {
            rebase = false;
            if (lastRtpTime >= 0) {
                timestampOffset = (rtpTimeNow() - unit.presentationTime()) & 0xffffffffL;
            }
        }
        List<ByteBuffer> payloads = packetizer.packetize(unit);
        int total = 0;
        for (ByteBuffer payload : payloads) {
            total += RtpHeader.SIZE + payload.remaining();
        }
        ByteBuffer data = ByteBuffer.allocateDirect(total);
        int[] offsets = new int[payloads.size()];
        int[] lengths = new int[payloads.size()];
        long rtpTime = (unit.presentationTime() + timestampOffset) & 0xffffffffL;
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
        return new LiveFrame(frameIndex, index, keyframe, first, rtpTime, data.flip().asReadOnlyBuffer(),
                offsets, lengths);
    }

    /**
     * A sender report (RFC 3550 §6.4.1) mapping the wall clock now to RTP time, extrapolated
     * from when the last frame arrived, so all tracks of the stream share one NTP timeline.
     */
    void writeSenderReport(ByteBuffer dst) {
        long rtpNow = rtpTimeNow();
        RtcpSenderReport.write(dst, ssrc, NtpTime.fromEpochMillis(System.currentTimeMillis()), rtpNow, packetCount,
                octetCount, CNAME);
    }
}
