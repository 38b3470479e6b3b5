package io.tributary.codecs.h264.internal;

import io.tributary.api.media.AccessUnit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Real and synthetic H.264 data for tests. */
final class Fixtures {
    /**
     * The {@code avcC} of
     * {@code ffmpeg -f lavfi -i testsrc2=size=640x360:rate=30 -t 1 -c:v libx264 -profile:v main x.mp4}.
     */
    static final byte[] AVCC = HexFormat.of().parseHex(
            "014d401effe10018674d401eeca05017fcb80880000003008000001e078b16cb01000568ebe3cb20");
    static final byte[] SPS = HexFormat.of().parseHex("674d401eeca05017fcb80880000003008000001e078b16cb");
    static final byte[] PPS = HexFormat.of().parseHex("68ebe3cb20");
    /** First sample of that file: SEI (686 bytes) and IDR slice (8189 bytes), no parameter sets. */
    static final String IDR_SAMPLE = "x264-main-640x360-idr.avcc";
    /** Second sample: one P slice (4648 bytes). */
    static final String P_SAMPLE = "x264-main-640x360-p.avcc";

    private Fixtures() {
    }

    /** The SPS and PPS of {@link #AVCC}, as a packetizer gets them. */
    static List<ByteBuffer> parameterSets() {
        return List.of(ByteBuffer.wrap(SPS), ByteBuffer.wrap(PPS));
    }

    /** An access unit in AVCC layout holding the given NAL units. */
    static ByteBuffer avcc(byte[]... nals) {
        int size = 0;
        for (byte[] nal : nals) {
            size += 4 + nal.length;
        }
        ByteBuffer unit = ByteBuffer.allocate(size);
        for (byte[] nal : nals) {
            unit.putInt(nal.length).put(nal);
        }
        return unit.flip();
    }

    static AccessUnit unit(long time, boolean keyframe, byte[]... nals) {
        return new AccessUnit(0, time, time, keyframe, avcc(nals));
    }

    /** A NAL unit with the given header byte and {@code size - 1} pseudo-random body bytes. */
    static byte[] nal(int header, int size, long seed) {
        byte[] nal = new byte[size];
        new Random(seed).nextBytes(nal);
        nal[0] = (byte) header;
        return nal;
    }

    /**
     * A slice NAL unit whose {@code first_mb_in_slice} is 0 (it starts a picture) or not: that
     * Exp-Golomb code is the first bit after the header, 1 exactly for 0.
     */
    static byte[] slice(int header, int size, long seed, boolean startsPicture) {
        byte[] slice = nal(header, size, seed);
        slice[1] = (byte) (startsPicture ? slice[1] | 0x80 : slice[1] & 0x7F);
        return slice;
    }

    static ByteBuffer resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return ByteBuffer.wrap(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
