package io.tributary.sources.file.internal.mp4;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An open MP4/MOV file: its playable tracks, and their samples read with positional reads.
 * Thread-safe. The channel is reopened when a reader thread was interrupted (which closes a
 * {@link FileChannel} for every thread), so one interrupted reader does not end the others.
 */
public final class Mp4File implements Closeable {
    private final Path path;
    private final String majorBrand;
    private final List<Mp4Track> tracks;
    private final Instant created;
    private volatile FileChannel channel;
    private boolean closed;

    private Mp4File(Path path, FileChannel channel, String majorBrand, List<Mp4Track> tracks, Instant created) {
        this.path = path;
        this.channel = channel;
        this.majorBrand = majorBrand;
        this.tracks = List.copyOf(tracks);
        this.created = created;
    }

    /**
     * Opens and indexes a file.
     *
     * @throws IOException when it cannot be read, is not a (supported) MP4/MOV file, or has no
     *                     playable track; the message says why
     */
    public static Mp4File open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        TopLevelBoxes.Found found;
        List<Mp4Track> tracks;
        Instant created;
        try {
            long size = channel.size();
            found = TopLevelBoxes.readMoov(channel, size);
            tracks = MoovParser.parse(found.moov(), size);
            created = MoovParser.creationTime(found.moov());
        } catch (IOException e) {
            channel.close();
            throw new IOException(path.getFileName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
        if (tracks.isEmpty()) {
            channel.close();
            throw new IOException("no playable track in " + path.getFileName());
        }
        return new Mp4File(path, channel, found.majorBrand(), tracks, created);
    }

    /** When the movie was created, as its {@code mvhd} says; empty when it does not. */
    public Optional<Instant> created() {
        return Optional.ofNullable(created);
    }

    /** The {@code ftyp} major brand ({@code isom}, {@code qt  }, {@code M4A }), or {@code ""}. */
    public String majorBrand() {
        return majorBrand;
    }

    public List<Mp4Track> tracks() {
        return tracks;
    }

    /**
     * Reads a sample into a fresh heap buffer of its exact size, NAL units with 4-byte length
     * prefixes for H.264/H.265. May block.
     */
    public ByteBuffer read(int track, int sample) throws IOException {
        Mp4Track t = tracks.get(track);
        SampleTable samples = t.samples();
        ByteBuffer data = ByteBuffer.allocate(samples.size(sample));
        for (int attempt = 0; ; attempt++) {
            FileChannel current = channel();
            try {
                readFully(current, data.clear(), samples.offset(sample));
                break;
            } catch (ClosedChannelException e) {
                if (attempt > 0 || Thread.currentThread().isInterrupted() || isClosed()) {
                    throw e;
                }
            }
        }
        data.flip();
        int lengthSize = t.format().nalLengthSize();
        return lengthSize == 0 || lengthSize == 4 ? data : NalLengths.toFourByteLengths(data, lengthSize);
    }

    /** Closes the file; idempotent. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private FileChannel channel() throws IOException {
        FileChannel current = channel;
        if (current.isOpen()) {
            return current;
        }
        synchronized (this) {
            if (!closed && !channel.isOpen()) {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            }
            return channel;
        }
    }

    /** Fills {@code buffer} from {@code position} on; positional, so safe with concurrent readers. */
    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("file ends at " + at + " while " + buffer.remaining() + " bytes are missing");
            }
            at += n;
        }
    }
}
