package io.tributary.transports.httptunnel.internal;

import io.tributary.api.transport.RtspInput;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The request side of a carried RTSP connection: keeps what is fed, refuses past a bound or once closed. */
final class FakeInput implements RtspInput {
    private final ByteArrayOutputStream fed = new ByteArrayOutputStream();
    private int capacity = Integer.MAX_VALUE;
    private int feeds;
    private boolean open = true;

    /** Refuses feeds once {@code bytes} were taken (an RTSP connection that stopped reading). */
    void capacity(int bytes) {
        capacity = bytes;
    }

    void close() {
        open = false;
    }

    String fed() {
        return fed.toString(StandardCharsets.ISO_8859_1);
    }

    int feeds() {
        return feeds;
    }

    @Override
    public boolean feed(ByteBuffer bytes) {
        if (!open || fed.size() + bytes.remaining() > capacity) {
            return false;
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        fed.writeBytes(copy);
        feeds++;
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
