package io.tributary.rtsp.srtp;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Verifies and decrypts the SRTP and SRTCP packets one SSRC sends under one master key (RFC 3711
 * §3.3, §3.4), rejecting forged, replayed and too old packets.
 *
 * <p>Not thread-safe: one thread at a time; {@link #rolloverCounter()} may be read from any thread.
 *
 * <p>Packets are read between the input's position and limit and the plain packet is written at
 * the output's position, which moves by the returned length on success; the input never moves.
 * The output may be a second view of the input's memory at the same offset (decryption in
 * place). A packet is authenticated before a byte is written, so a failure (negative
 * {@link SrtpError} code) leaves the output untouched and the replay state unchanged. No input
 * makes these methods throw.
 *
 * <p>The index of a packet is estimated from its sequence number and the highest index
 * authenticated so far (RFC 3711 Appendix A). Before the first packet, the receiver assumes the
 * ROC it was given (MIKEY's crypto session map; 0 with SDES) and takes the first authentic
 * packet's sequence number as the starting point.
 */
public final class SrtpReceiver {
    private final long ssrc;
    private final byte[] mki;
    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final PacketCrypto rtp;
    private final PacketCrypto rtcp;
    private final ReplayWindow rtpWindow;
    private final ReplayWindow rtcpWindow = ReplayWindow.fromFirstPacket(0);
    private volatile long rolloverCounter;

    /** A receiver of a stream whose sender starts at ROC 0. */
    public SrtpReceiver(SrtpPolicy policy, long ssrc) {
        this(policy, ssrc, 0);
    }

    /** A receiver joining a stream whose sender is at rollover counter {@code roc}. */
    public SrtpReceiver(SrtpPolicy policy, long ssrc, long roc) {
        Objects.requireNonNull(policy, "policy");
        this.ssrc = SrtpSender.checkSsrc(ssrc);
        this.mki = policy.mki();
        this.rtpTagLength = policy.profile().rtpTagLength();
        this.rtcpTagLength = policy.srtcpTagLength();
        this.rtp = PacketCrypto.forRtp(policy.masterKey());
        this.rtcp = PacketCrypto.forRtcp(policy.masterKey());
        this.rtpWindow = ReplayWindow.fromFirstPacket(SrtpSender.checkRoc(roc));
        this.rolloverCounter = roc;
    }

    public long ssrc() {
        return ssrc;
    }

    /** The rollover counter of the newest authentic packet. Safe to read from any thread. */
    public long rolloverCounter() {
        return rolloverCounter;
    }

    /** Writes the RTP packet inside the SRTP packet {@code in}; returns its length or a negative {@link SrtpError} code. */
    public int unprotectRtp(ByteBuffer in, ByteBuffer out) {
        int base = in.position();
        int length = in.remaining();
        int authenticated = length - mki.length - rtpTagLength;
        if (authenticated < PacketLayout.RTP_HEADER) {
            return SrtpError.TOO_SHORT.code();
        }
        int header = PacketLayout.rtpHeaderLength(in, base, authenticated);
        if (header < 0) {
            return header;
        }
        if (PacketLayout.u32(in, base + 8) != ssrc) {
            return SrtpError.WRONG_SSRC.code();
        }
        if (!PacketLayout.matches(in, base + authenticated, mki)) {
            return SrtpError.MKI_MISMATCH.code();
        }
        if (out.remaining() < authenticated) {
            return SrtpError.OUTPUT_TOO_SMALL.code();
        }
        long index = rtpWindow.estimate(PacketLayout.u16(in, base + 2));
        if (index < 0 || (index >>> 48) != 0 || !rtpWindow.isFresh(index)) {
            // before index 0 or past the last ROC: no sender can have sent it
            return SrtpError.REPLAYED.code();
        }
        rtp.startTag();
        rtp.authenticate(in, base, authenticated);
        rtp.authenticateInt(index >>> 16);
        if (!PacketLayout.tagMatches(rtp.finishTag(), in, base + length - rtpTagLength, rtpTagLength)) {
            return SrtpError.AUTH_FAILED.code();
        }
        int to = out.position();
        rtp.copy(in, base, out, to, header, false);
        rtp.encrypt(in, base + header, out, to + header, authenticated - header, ssrc, index, false);
        out.position(to + authenticated);
        rtpWindow.accept(index);
        long roc = rtpWindow.rolloverCounter();
        if (roc != rolloverCounter) {
            rolloverCounter = roc;
        }
        return authenticated;
    }

    /** Writes the RTCP packet inside the SRTCP packet {@code in}; returns its length or a negative {@link SrtpError} code. */
    public int unprotectRtcp(ByteBuffer in, ByteBuffer out) {
        int base = in.position();
        int length = in.remaining();
        int authenticated = length - mki.length - rtcpTagLength;
        int plain = authenticated - 4;
        if (plain < PacketLayout.RTCP_HEADER) {
            return SrtpError.TOO_SHORT.code();
        }
        int check = PacketLayout.checkRtcpHeader(in, base, plain);
        if (check < 0) {
            return check;
        }
        if (PacketLayout.u32(in, base + 4) != ssrc) {
            return SrtpError.WRONG_SSRC.code();
        }
        if (!PacketLayout.matches(in, base + authenticated, mki)) {
            return SrtpError.MKI_MISMATCH.code();
        }
        if (out.remaining() < plain) {
            return SrtpError.OUTPUT_TOO_SMALL.code();
        }
        long eAndIndex = PacketLayout.u32(in, base + plain);
        long index = eAndIndex & 0x7FFF_FFFFL;
        if (!rtcpWindow.isFresh(index)) {
            return SrtpError.REPLAYED.code();
        }
        rtcp.startTag();
        rtcp.authenticate(in, base, authenticated);
        if (!PacketLayout.tagMatches(rtcp.finishTag(), in, base + length - rtcpTagLength, rtcpTagLength)) {
            return SrtpError.AUTH_FAILED.code();
        }
        int to = out.position();
        int header = PacketLayout.RTCP_HEADER;
        if ((eAndIndex & 0x8000_0000L) != 0) {
            rtcp.copy(in, base, out, to, header, false);
            rtcp.encrypt(in, base + header, out, to + header, plain - header, ssrc, index, false);
        } else {
            rtcp.copy(in, base, out, to, plain, false);
        }
        out.position(to + plain);
        rtcpWindow.accept(index);
        return plain;
    }
}
