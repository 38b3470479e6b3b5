package io.tributary.client.testing;

import java.nio.ByteBuffer;

/** RTSP interleaved framing (RFC 2326 §10.12) for tests that write media on the RTSP connection. */
public final class Interleaved {
    private Interleaved() {
    }

    /** {@code $}, the channel, the length in two bytes, then {@code data}. */
    public static byte[] frame(int channel, byte[] data) {
        return ByteBuffer.allocate(4 + data.length).put((byte) '$').put((byte) channel).putShort((short) data.length)
                .put(data).array();
    }
}
