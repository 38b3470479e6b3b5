package io.tributary.transports.srtp.internal;

import io.tributary.api.transport.RtpFrame;
import io.tributary.api.transport.TrackSink;
import java.nio.ByteBuffer;

/**
 * A reader's sink that protects what it is given and hands the SRTP and SRTCP on to the plain
 * transport's sink. A live stream's frames are protected once for every reader sharing the
 * stream key ({@link RtpFrame#transformed}) or once for this reader alone ({@link RtpFrame#transform});
 * a file's packets, one by one into buffers of their own.
 */
final class ProtectingSink implements TrackSink {
    private static final ByteBuffer NO_HEADER = ByteBuffer.allocate(0).asReadOnlyBuffer();
    private final TrackSink plain;
    private final PacketProtector protector;
    private final StreamKey sharedAs;

    /** @param sharedAs the stream key when the protection is shared by the stream's readers, else null */
    ProtectingSink(TrackSink plain, PacketProtector protector, StreamKey sharedAs) {
        this.plain = plain;
        this.protector = protector;
        this.sharedAs = sharedAs;
    }

    @Override
    public boolean sendRtp(ByteBuffer header, ByteBuffer payload) {
        ByteBuffer packet = protector.protectRtp(header, payload);
        // the empty header is shared: there is nothing in it a sink could move
        return packet != null && plain.sendRtp(NO_HEADER, packet);
    }

    /** A reader's own protected copy is released once handed on: the plain sink retains what it queues. */
    @Override
    public boolean sendFrame(RtpFrame frame) {
        if (sharedAs != null) {
            return sendProtected(frame, frame.transformed(sharedAs, protector));
        }
        RtpFrame own = frame.transform(protector);
        try {
            return sendProtected(frame, own);
        } finally {
            own.release();
        }
    }

    private boolean sendProtected(RtpFrame frame, RtpFrame protectedFrame) {
        if (protectedFrame.packetCount() == 0) {
            return frame.packetCount() == 0; // every packet was refused: the reader lost the frame
        }
        return plain.sendFrame(protectedFrame);
    }

    @Override
    public boolean sendRtcp(ByteBuffer packet) {
        ByteBuffer protectedPacket = protector.protectRtcp(packet);
        return protectedPacket != null && plain.sendRtcp(protectedPacket);
    }

    @Override
    public void flush() {
        plain.flush();
    }

    @Override
    public boolean writable() {
        return plain.writable();
    }
}
