package io.tributary.engine.testing;

import io.tributary.api.media.RtpPacket;
import io.tributary.api.transport.RtpFrame;
import io.tributary.api.transport.TrackSink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TrackSink} for tests that keeps what it is sent: every RTP packet as the client would
 * receive it (copied, then read with {@link RtpPacket#parse}), every frame it was handed (not
 * retained, so that tests can check the frames went back to the pool) and every RTCP packet.
 * Live streams and VOD both send whole frames ({@link #sendFrame}); the engine never calls
 * {@link #sendRtp}, which fails the test. It accepts everything, but says it is not
 * {@link #writable()} while {@link #full} is set.
 */
public class RecordingTrackSink implements TrackSink {
    /** RTCP packet type of a BYE (RFC 3550 §6.6). */
    private static final int BYE = 203;

    /** Set to make the sink say it is not writable, as a slow client's does. */
    public volatile boolean full;
    private final List<RtpPacket> rtp = new ArrayList<>();
    private final List<RtpFrame> frames = new ArrayList<>();
    private final List<ByteBuffer> rtcp = new ArrayList<>();
    /** What the sink was asked to do, in order: "frame", "rtcp", "flush". */
    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized boolean sendRtp(ByteBuffer header, ByteBuffer payload) {
        throw new AssertionError("the engine sends whole frames");
    }

    @Override
    public synchronized boolean sendFrame(RtpFrame frame) {
        events.add("frame");
        frames.add(frame);
        ByteBuffer all = frame.packets();
        for (int i = 0; i < frame.packetCount(); i++) {
            byte[] packet = new byte[frame.packetLength(i)];
            all.get(frame.packetOffset(i), packet);
            record(ByteBuffer.wrap(packet));
        }
        return true;
    }

    /** Every frame handed over so far (not retained: they may be back in the pool). */
    public synchronized List<RtpFrame> frames() {
        return List.copyOf(frames);
    }

    private void record(ByteBuffer packet) {
        RtpPacket parsed = RtpPacket.parse(packet);
        if (parsed == null) {
            throw new AssertionError("not an RTP packet: " + packet.remaining() + " bytes");
        }
        rtp.add(parsed);
    }

    /** Keeps {@code packet} itself, not a copy. */
    @Override
    public synchronized boolean sendRtcp(ByteBuffer packet) {
        events.add("rtcp");
        rtcp.add(packet);
        return true;
    }

    @Override
    public synchronized void flush() {
        events.add("flush");
    }

    /** What the sink was asked to do so far, in order: "frame", "rtcp", "flush". */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public boolean writable() {
        return !full;
    }

    /** The RTP packets sent so far, in sending order. */
    public synchronized List<RtpPacket> rtp() {
        return List.copyOf(rtp);
    }

    /** The RTCP (compound) packets sent so far, in sending order. */
    public synchronized List<ByteBuffer> rtcp() {
        return List.copyOf(rtcp);
    }

    /** The sequence numbers of {@link #rtp()}. */
    public synchronized List<Integer> sequences() {
        return rtp.stream().map(RtpPacket::sequenceNumber).toList();
    }

    /** The RTP timestamps of {@link #rtp()}. */
    public synchronized List<Long> timestamps() {
        return rtp.stream().map(RtpPacket::timestamp).toList();
    }

    /** Whether one of the RTCP packets sent holds a BYE. */
    public synchronized boolean sawBye() {
        for (ByteBuffer packet : rtcp) {
            for (int offset = 0; offset + 4 <= packet.limit(); ) {
                if ((packet.get(offset + 1) & 0xff) == BYE) {
                    return true;
                }
                offset += 4 * ((packet.getShort(offset + 2) & 0xffff) + 1);
            }
        }
        return false;
    }
}
