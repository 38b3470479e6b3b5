package io.tributary.sources.file.internal.container;

import io.tributary.sources.file.internal.mkv.MatroskaFile;
import io.tributary.sources.file.internal.mp4.Mp4File;
import io.tributary.sources.file.internal.ts.IndexCache;
import io.tributary.sources.file.internal.ts.TransportStreamFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Opens a media file with the demuxer its first bytes call for, whatever its name: users drop
 * files in with any extension (a {@code .mp4} that is really MPEG-TS is common). An instance
 * keeps what the demuxers keep between opens (the MPEG-TS indexes), so the component that owns
 * it decides how long that lives. Thread-safe.
 */
public final class ContainerFiles {
    /** Enough for every signature below: two TS packets of 192 bytes and a sync byte. */
    private static final int SNIFF_BYTES = 2 * 192 + 5;
    private static final int EBML_MAGIC = 0x1A45DFA3;
    private static final int TS_SYNC = 0x47;
    private static final Set<String> MP4_BOX_TYPES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide",
            "pnot", "styp", "sidx", "moof", "uuid");

    /** The containers recognised by their first bytes. */
    public enum Kind {
        MP4, MATROSKA, MPEG_TS, UNKNOWN
    }

    /** MPEG-TS indexes: at most 32 files and 64 MiB (see the {@code ts} package documentation). */
    private final IndexCache transportStreamIndexes = new IndexCache(32, 64L << 20);

    /**
     * Opens and indexes a file.
     *
     * @throws IOException when it cannot be read, is not a supported container, or has no
     *                     playable track; the message says why
     */
    public ContainerFile open(Path path) throws IOException {
        return switch (sniff(path)) {
            case MP4 -> Mp4File.open(path);
            case MATROSKA -> MatroskaFile.open(path);
            case MPEG_TS -> TransportStreamFile.open(path, transportStreamIndexes);
            case UNKNOWN -> throw new IOException(path.getFileName()
                    + ": not a supported container (MP4/MOV, Matroska/WebM or MPEG-TS)");
        };
    }

    /** Drops what is kept between opens; files already open stay usable. */
    public void clear() {
        transportStreamIndexes.clear();
    }

    /** What the file's first bytes say it is. */
    public static Kind sniff(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(SNIFF_BYTES);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // fills what the file has
            }
            return kind(head.flip());
        }
    }

    /** What a file starting with {@code head} is. */
    static Kind kind(ByteBuffer head) {
        int length = head.remaining();
        if (length >= 4 && head.getInt(0) == EBML_MAGIC) {
            return Kind.MATROSKA;
        }
        if (length >= 8 && MP4_BOX_TYPES.contains(ascii(head, 4))) {
            return Kind.MP4;
        }
        if (syncEvery(head, 0, 188) || syncEvery(head, 4, 192)) {
            return Kind.MPEG_TS;
        }
        return Kind.UNKNOWN;
    }

    /** Sync bytes at {@code first} and one and two packets later (the same rule as ffmpeg's probe, shortened). */
    private static boolean syncEvery(ByteBuffer head, int first, int packetSize) {
        for (int at = first; at < first + 3 * packetSize; at += packetSize) {
            if (at >= head.limit() || (head.get(at) & 0xFF) != TS_SYNC) {
                return at >= head.limit() && at > first + packetSize;
            }
        }
        return true;
    }

    private static String ascii(ByteBuffer head, int at) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            chars[i] = (char) (head.get(at + i) & 0xFF);
        }
        return new String(chars);
    }
}
