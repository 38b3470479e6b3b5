package io.tributary.rtsp.srtp;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Protects the RTP and RTCP packets one SSRC sends under one master key (RFC 3711 §3.3, §3.4).
 *
 * <p>Not thread-safe: one thread at a time calls {@code protect…}; hand the sender over with a
 * happens-before edge (a queue, a lock) if the thread changes. Only {@link #rolloverCounter()} may
 * be read from any thread, e.g. by the thread that writes the ROC into an SDP for a joining reader.
 *
 * <p>Packets are read between the input's position and limit and written at the output's
 * position; neither position moves except the output's, by the returned length, on success. The
 * output may be a second view of the input's memory at the same offset (protection in place) as
 * long as it has room for the trailer. Failures return a negative {@link SrtpError} code and leave
 * the output untouched.
 *
 * <p>The sender keeps a replay window of its own: encrypting two packets under one index would
 * reuse keystream, so a sequence number seen before, or 64 or more behind the newest, is refused
 * ({@link SrtpError#REPLAYED}). Packets forwarded with small reordering are fine.
 */
public final class SrtpSender {
    private static final long MAX_RTP_INDEX = (1L << 48) - 1;
    private static final long MAX_RTCP_INDEX = (1L << 31) - 1;

    private final long ssrc;
    private final byte[] mki;
    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final PacketCrypto rtp;
    private final PacketCrypto rtcp;
    private final ReplayWindow window;
    private long nextRtcpIndex;
    private volatile long rolloverCounter;

    /** A sender whose first packet starts at ROC 0 with whatever sequence number it has. */
    public SrtpSender(SrtpPolicy policy, long ssrc) {
        this(policy, ssrc, ReplayWindow.fromFirstPacket(0));
    }

    /**
     * A sender joining a running stream: the next packet has sequence number about
     * {@code nextSequence} and rollover counter {@code roc} (what the receiver is told, e.g. in
     * MIKEY's crypto session map).
     */
    public SrtpSender(SrtpPolicy policy, long ssrc, long roc, int nextSequence) {
        this(policy, ssrc, ReplayWindow.expecting((checkRoc(roc) << 16) | checkSequence(nextSequence)));
    }

    private SrtpSender(SrtpPolicy policy, long ssrc, ReplayWindow window) {
        Objects.requireNonNull(policy, "policy");
        this.ssrc = checkSsrc(ssrc);
        this.mki = policy.mki();
        this.rtpTagLength = policy.profile().rtpTagLength();
        this.rtcpTagLength = policy.srtcpTagLength();
        this.rtp = PacketCrypto.forRtp(policy.masterKey());
        this.rtcp = PacketCrypto.forRtcp(policy.masterKey());
        this.window = window;
        this.rolloverCounter = window.rolloverCounter();
    }

    public long ssrc() {
        return ssrc;
    }

    /**
     * The rollover counter of the newest packet protected (before any, the starting one): what a
     * receiver joining now must be given. Safe to read from any thread.
     */
    public long rolloverCounter() {
        return rolloverCounter;
    }

    /**
     * Writes the SRTP packet for the RTP packet {@code packet}: header as is, payload encrypted,
     * then MKI and tag. Returns its length, or a negative {@link SrtpError} code.
     */
    public int protectRtp(ByteBuffer packet, ByteBuffer out) {
        int base = packet.position();
        int length = packet.remaining();
        int header = PacketLayout.rtpHeaderLength(packet, base, length);
        if (header < 0) {
            return header;
        }
        if (PacketLayout.u32(packet, base + 8) != ssrc) {
            return SrtpError.WRONG_SSRC.code();
        }
        int total = length + mki.length + rtpTagLength;
        if (out.remaining() < total) {
            return SrtpError.OUTPUT_TOO_SMALL.code();
        }
        long index = window.estimate(PacketLayout.u16(packet, base + 2));
        if (index > MAX_RTP_INDEX) {
            return SrtpError.INDEX_EXHAUSTED.code();
        }
        if (index < 0 || !window.isFresh(index)) {
            return SrtpError.REPLAYED.code();
        }
        int to = out.position();
        rtp.startTag();
        rtp.copy(packet, base, out, to, header, true);
        rtp.encrypt(packet, base + header, out, to + header, length - header, ssrc, index, true);
        rtp.authenticateInt(index >>> 16);
        out.put(to + length, mki, 0, mki.length);
        out.put(to + length + mki.length, rtp.finishTag(), 0, rtpTagLength);
        out.position(to + total);
        window.accept(index);
        long roc = window.rolloverCounter();
        if (roc != rolloverCounter) {
            rolloverCounter = roc;
        }
        return total;
    }

    /**
     * Writes the SRTCP packet for the RTCP (compound) packet {@code packet}: the first 8 bytes as
     * is, the rest encrypted, then E flag and 31-bit index, MKI and tag. Returns its length, or a
     * negative {@link SrtpError} code.
     */
    public int protectRtcp(ByteBuffer packet, ByteBuffer out) {
        int base = packet.position();
        int length = packet.remaining();
        int check = PacketLayout.checkRtcpHeader(packet, base, length);
        if (check < 0) {
            return check;
        }
        if (PacketLayout.u32(packet, base + 4) != ssrc) {
            return SrtpError.WRONG_SSRC.code();
        }
        int total = length + 4 + mki.length + rtcpTagLength;
        if (out.remaining() < total) {
            return SrtpError.OUTPUT_TOO_SMALL.code();
        }
        if (nextRtcpIndex > MAX_RTCP_INDEX) {
            return SrtpError.INDEX_EXHAUSTED.code();
        }
        long index = nextRtcpIndex++;
        int to = out.position();
        int header = PacketLayout.RTCP_HEADER;
        rtcp.startTag();
        rtcp.copy(packet, base, out, to, header, true);
        rtcp.encrypt(packet, base + header, out, to + header, length - header, ssrc, index, true);
        long eAndIndex = 0x8000_0000L | index;
        PacketLayout.put32(out, to + length, eAndIndex);
        rtcp.authenticateInt(eAndIndex);
        out.put(to + length + 4, mki, 0, mki.length);
        out.put(to + length + 4 + mki.length, rtcp.finishTag(), 0, rtcpTagLength);
        out.position(to + total);
        return total;
    }

    static long checkSsrc(long ssrc) {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC out of 32 bits: " + ssrc);
        }
        return ssrc;
    }

    static long checkRoc(long roc) {
        if (roc < 0 || roc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ROC out of 32 bits: " + roc);
        }
        return roc;
    }

    private static int checkSequence(int seq) {
        if (seq < 0 || seq > 0xFFFF) {
            throw new IllegalArgumentException("sequence number out of 16 bits: " + seq);
        }
        return seq;
    }
}
