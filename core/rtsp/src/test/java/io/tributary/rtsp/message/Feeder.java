package io.tributary.rtsp.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plays the caller of {@link RtspDecoder} the way Netty's ByteToMessageDecoder does: bytes not
 * consumed stay in front of the next chunk. Each chunk gets a fresh array, so slices handed
 * out earlier stay valid for the assertions.
 */
final class Feeder {
    final RtspDecoder decoder;
    final List<Decoded> out = new ArrayList<>();
    byte[] pending = new byte[0];

    Feeder(RtspDecoder decoder) {
        this.decoder = decoder;
    }

    Feeder() {
        this(new RtspDecoder());
    }

    Feeder feed(byte[] chunk) {
        byte[] all = Arrays.copyOf(pending, pending.length + chunk.length);
        System.arraycopy(chunk, 0, all, pending.length, chunk.length);
        ByteBuffer in = ByteBuffer.wrap(all);
        decoder.decode(in, out::add);
        pending = Arrays.copyOfRange(all, in.position(), all.length);
        return this;
    }

    Feeder feed(String chunk) {
        return feed(chunk.getBytes(StandardCharsets.UTF_8));
    }

    /** Feeds {@code bytes} in chunks of {@code size}. */
    Feeder feedInChunks(byte[] bytes, int size) {
        for (int i = 0; i < bytes.length; i += size) {
            feed(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size)));
        }
        return this;
    }

    /** A comparable rendering of the output: records, with payloads as their bytes. */
    static List<String> render(List<Decoded> decoded) {
        List<String> rendered = new ArrayList<>();
        for (Decoded d : decoded) {
            if (d instanceof Decoded.Interleaved(int channel, ByteBuffer payload)) {
                byte[] bytes = new byte[payload.remaining()];
                payload.duplicate().get(bytes);
                rendered.add("$" + channel + Arrays.toString(bytes));
            } else if (d instanceof Decoded.Request(RtspRequest r)) {
                rendered.add(r + Arrays.toString(r.body()));
            } else if (d instanceof Decoded.Response(RtspResponse r)) {
                rendered.add(r + Arrays.toString(r.body()));
            } else {
                rendered.add(d.toString());
            }
        }
        return rendered;
    }
}
