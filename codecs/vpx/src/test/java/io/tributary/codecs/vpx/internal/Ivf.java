package io.tributary.codecs.vpx.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** IVF files as ffmpeg writes them ({@code -f ivf}): a 32-byte file header, then per frame its size, a timestamp and the frame. */
final class Ivf {
    private static final int FILE_HEADER = 32;
    private static final int FRAME_HEADER = 12;

    private Ivf() {
    }

    /** The frames of an IVF file, in file order. */
    static List<ByteBuffer> frames(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < FILE_HEADER || in.getInt(0) != 0x46494B44) { // "DKIF"
            throw new IOException(file + " is not an IVF file");
        }
        in.position(FILE_HEADER);
        List<ByteBuffer> frames = new ArrayList<>();
        while (in.remaining() >= FRAME_HEADER) {
            int size = in.getInt();
            in.getLong();
            frames.add(in.slice(in.position(), size).order(ByteOrder.BIG_ENDIAN));
            in.position(in.position() + size);
        }
        return frames;
    }
}
