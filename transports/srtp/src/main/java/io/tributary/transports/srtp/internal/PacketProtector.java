package io.tributary.transports.srtp.internal;

import io.tributary.api.transport.PacketTransform;
import io.tributary.rtsp.srtp.SrtpError;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpSender;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link SrtpSender} (one key, one SSRC) made safe for several threads: a live stream's
 * frames are protected by whichever event loop asks first, and two loops may protect two
 * frames of the stream at the same time. The lock is taken per packet and is uncontended but
 * for that race; readers of one frame wait on the frame, not here, since it is protected once.
 *
 * <p>Packets the sender refuses (a sequence number it already used, or one 64 or more behind the
 * newest: protecting it would reuse keystream) are left out, counted and logged sparsely.
 */
final class PacketProtector implements PacketTransform {
    private static final Logger LOG = LoggerFactory.getLogger(PacketProtector.class);
    private static final long LOG_EVERY = 10_000;
    private final SrtpSender sender;
    private final int rtpOverhead;
    private final int rtcpOverhead;
    private final AtomicLong refused = new AtomicLong();

    PacketProtector(SrtpPolicy policy, long ssrc) {
        this.sender = new SrtpSender(policy, ssrc);
        this.rtpOverhead = policy.rtpOverhead();
        this.rtcpOverhead = policy.rtcpOverhead();
    }

    @Override
    public int overhead() {
        return rtpOverhead;
    }

    @Override
    public int apply(ByteBuffer packet, ByteBuffer out) {
        int written;
        synchronized (this) {
            written = sender.protectRtp(packet, out);
        }
        if (written < 0) {
            refused(written);
        }
        return written;
    }

    /**
     * The SRTP packet of {@code header} and {@code payload} in a buffer of its own (a sink may
     * keep what it is given until it is written), or null when refused.
     */
    ByteBuffer protectRtp(ByteBuffer header, ByteBuffer payload) {
        int length = header.remaining() + payload.remaining();
        ByteBuffer buffer = ByteBuffer.allocate(length + rtpOverhead);
        buffer.put(header.duplicate()).put(payload.duplicate());
        ByteBuffer plain = buffer.duplicate().flip();
        buffer.clear();
        // in place: the sender reads the plain packet and writes the protected one over it
        return apply(plain, buffer) < 0 ? null : buffer.flip();
    }

    /** The SRTCP packet of the RTCP (compound) {@code packet} in a buffer of its own, or null when refused. */
    ByteBuffer protectRtcp(ByteBuffer packet) {
        ByteBuffer buffer = ByteBuffer.allocate(packet.remaining() + rtcpOverhead);
        int written;
        synchronized (this) {
            written = sender.protectRtcp(packet, buffer);
        }
        if (written < 0) {
            refused(written);
            return null;
        }
        return buffer.flip();
    }

    /** The rollover counter a receiver joining now must be told (MIKEY's crypto session map). */
    long rolloverCounter() {
        return sender.rolloverCounter();
    }

    long ssrc() {
        return sender.ssrc();
    }

    /** Packets left out so far. */
    long refused() {
        return refused.get();
    }

    private void refused(int error) {
        long count = refused.incrementAndGet();
        if (count % LOG_EVERY == 1) {
            LOG.warn("SRTP sender of SSRC {} left out a packet ({}; {} so far): its readers lose it",
                    String.format("%08X", sender.ssrc()), SrtpError.of(error), count);
        }
    }
}
