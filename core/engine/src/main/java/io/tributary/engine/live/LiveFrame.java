package io.tributary.engine.live;

import io.netty.buffer.ByteBuf;
import io.tributary.engine.frame.PooledFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * One access unit of a live stream as complete RTP packets in pooled memory, made once and
 * shared read-only by every reader of the stream (readers of a live path share sequence
 * numbers, timestamps and SSRC, so no reader needs its own copy). Reference-counted: the
 * stream's keyframe cache, each loop's queue and each transport write hold it while they need it.
 *
 * @param index    stream-wide arrival number, to tell cached frames from live ones
 * @param track    track index
 * @param keyframe {@code true} for a video keyframe (and every audio frame)
 * @param firstSequence sequence number of the first packet
 * @param rtpTime  RTP timestamp of the packets
 * @param frameIntervalNanos the stream's frame interval when it was made, to pace its parts over
 */
final class LiveFrame extends PooledFrame {
    private final long index;
    private final int track;
    private final boolean keyframe;
    private final int firstSequence;
    private final long rtpTime;
    private final long frameIntervalNanos;
    private final int payloadBytes;

    /** Takes over {@code memory} (one reference). */
    LiveFrame(long index, int track, boolean keyframe, int firstSequence, long rtpTime, long frameIntervalNanos,
              ByteBuf memory, int[] offsets, int[] lengths) {
        super(memory, offsets, lengths);
        this.index = index;
        this.track = track;
        this.keyframe = keyframe;
        this.firstSequence = firstSequence;
        this.rtpTime = rtpTime;
        this.frameIntervalNanos = frameIntervalNanos;
        this.payloadBytes = memory.writerIndex() - offsets.length * io.tributary.rtsp.rtp.RtpHeader.SIZE;
    }

    long index() {
        return index;
    }

    int track() {
        return track;
    }

    boolean keyframe() {
        return keyframe;
    }

    int firstSequence() {
        return firstSequence;
    }

    long rtpTime() {
        return rtpTime;
    }

    long frameIntervalNanos() {
        return frameIntervalNanos;
    }

    /**
     * The frame cut into parts of at most {@code maxPackets} packets, so that a large keyframe
     * can be paced out to readers instead of sent in one burst. Only the first part counts as a
     * keyframe: a reader that misses it drops the rest too. The parts share this frame's memory;
     * the caller owns them (one reference each).
     */
    List<LiveFrame> parts(int maxPackets) {
        List<LiveFrame> made = new ArrayList<>();
        for (int first = 0; first < packetCount(); first += maxPackets) {
            made.add((LiveFrame) slice(first, Math.min(packetCount(), first + maxPackets)));
        }
        return made;
    }

    @Override
    protected PooledFrame derived(ByteBuf memory, int[] offsets, int[] lengths, int firstPacket) {
        return new LiveFrame(index, track, keyframe && firstPacket == 0, (firstSequence + firstPacket) & 0xffff, rtpTime,
                frameIntervalNanos, memory, offsets, lengths);
    }

    @Override
    public LiveFrame retain() {
        super.retain();
        return this;
    }

    @Override
    public LiveFrame transform(io.tributary.api.transport.PacketTransform transform) {
        return (LiveFrame) super.transform(transform);
    }

    /** RTP payload bytes (headers excluded), for sender report octet counts. */
    int payloadBytes() {
        return payloadBytes;
    }
}
