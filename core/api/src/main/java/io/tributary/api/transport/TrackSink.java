package io.tributary.api.transport;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends the packets of one track to one client. Never blocks: when the client cannot keep
 * up the sink refuses packets (returns {@code false}) and the caller drops and counts.
 *
 * <p>Buffers are handed over read-only and are shared with other sinks: a sink may move
 * their position but must not change their content, and must be done with them when the
 * write completes. Packets are queued until {@link #flush()}, so a transport can gather
 * all packets of a frame in one system call.
 */
@ConsumerType
public interface TrackSink {
    /**
     * Queues one RTP packet given as its 12-byte header and its payload.
     *
     * @return {@code false} when the packet was dropped because the client is too slow
     */
    boolean sendRtp(ByteBuffer header, ByteBuffer payload);

    /**
     * Queues every packet of a frame. A transport that keeps the frame's memory past this call
     * (a queued write) must {@link RtpFrame#retain()} it and release it when written. The default
     * sends copies of the packets one by one through {@link #sendRtp}, since those buffers may be
     * held until their write completes; transports override it to write the frame without copying.
     *
     * @return {@code false} when the frame (or part of it) was dropped because the client is too slow
     */
    default boolean sendFrame(RtpFrame frame) {
        ByteBuffer packets = frame.packets();
        ByteBuffer noHeader = ByteBuffer.allocate(0);
        boolean all = true;
        for (int i = 0; i < frame.packetCount(); i++) {
            ByteBuffer copy = ByteBuffer.allocate(frame.packetLength(i));
            copy.put(packets.slice(frame.packetOffset(i), frame.packetLength(i))).flip();
            all &= sendRtp(noHeader, copy.asReadOnlyBuffer());
        }
        return all;
    }

    /** Queues one RTCP (compound) packet; {@code false} when dropped. */
    boolean sendRtcp(ByteBuffer packet);

    /** Writes what was queued. */
    void flush();

    /** {@code false} while the client's buffers are full; the caller should wait for a keyframe. */
    boolean writable();
}
