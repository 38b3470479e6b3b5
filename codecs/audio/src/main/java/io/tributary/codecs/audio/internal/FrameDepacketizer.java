package io.tributary.codecs.audio.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.payload.Depacketizer;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Each packet's payload is one access unit at the packet's timestamp. The payload is copied:
 * the packet's buffer may be reused once {@link #push} returns. Empty payloads (a keep-alive
 * some senders use) are counted as dropped.
 */
final class FrameDepacketizer implements Depacketizer {
    private final int track;
    private long dropped;

    FrameDepacketizer(int track) {
        this.track = track;
    }

    @Override
    public List<AccessUnit> push(RtpPacket packet) {
        ByteBuffer payload = packet.payload();
        if (!payload.hasRemaining()) {
            dropped++;
            return List.of();
        }
        byte[] data = new byte[payload.remaining()];
        payload.get(data);
        return List.of(new AccessUnit(track, packet.timestamp(), packet.timestamp(), true, ByteBuffer.wrap(data)));
    }

    @Override
    public long droppedUnits() {
        return dropped;
    }
}
