package io.tributary.sources.file.internal.container;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Positional reads of one file, shared by every thread that reads its samples. The channel is
 * reopened when a reader thread was interrupted (which closes a {@link FileChannel} for every
 * thread), so one interrupted reader does not end the others.
 */
public final class FileReader implements Closeable {
    /** What a demuxer reads from a file as it opens it: boxes, elements, an index. */
    @FunctionalInterface
    public interface Indexer<T> {
        T index(FileReader reader) throws IOException;
    }

    private final Path path;
    private volatile FileChannel channel;
    private boolean closed;

    public FileReader(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
    }

    /**
     * Runs {@code indexer} on this file; when it fails, closes the file, so that a demuxer that
     * rejects a file leaves nothing open.
     *
     * @throws IOException what the indexer threw, with the file's name in front, for messages
     */
    public <T> T index(Indexer<T> indexer) throws IOException {
        try {
            return indexer.index(this);
        } catch (IOException e) {
            close();
            throw new IOException(path.getFileName() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The channel as it is now, for indexing at open (one thread, no interruption expected). */
    public FileChannel channel() {
        return channel;
    }

    public long size() throws IOException {
        return open().size();
    }

    /** Fills {@code buffer} from {@code position} on; may block. */
    public void read(ByteBuffer buffer, long position) throws IOException {
        int start = buffer.position();
        for (int attempt = 0; ; attempt++) {
            FileChannel current = open();
            try {
                readFully(current, buffer.position(start), position);
                return;
            } catch (ClosedChannelException e) {
                if (attempt > 0 || Thread.currentThread().isInterrupted() || isClosed()) {
                    throw e;
                }
            }
        }
    }

    /**
     * Reads {@code size} bytes from {@code position} on into a fresh heap buffer, after
     * {@code prefix} (bytes the container stripped from every sample; usually empty); may block.
     *
     * @return the buffer, positioned at 0, of exactly {@code prefix.length + size} bytes
     */
    public ByteBuffer read(long position, byte[] prefix, int size) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(prefix.length + size);
        read(data.put(prefix), position);
        return data.flip();
    }

    /** Closes the file; idempotent. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }

    /** Fills {@code buffer} from {@code position} on; positional, so safe with concurrent readers. */
    public static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("file ends at " + at + " while " + buffer.remaining() + " bytes are missing");
            }
            at += n;
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private FileChannel open() throws IOException {
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
}
