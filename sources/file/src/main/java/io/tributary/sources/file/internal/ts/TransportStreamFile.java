package io.tributary.sources.file.internal.ts;

import io.tributary.api.media.MediaType;
import io.tributary.sources.file.internal.container.ContainerFile;
import io.tributary.sources.file.internal.container.FileReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open MPEG transport stream ({@code .ts}, 188-byte packets, or {@code .m2ts}, 192 with a
 * timecode prefix): the H.264, H.265 and AAC streams of its first program, indexed in one pass
 * on the first open and kept in a bounded in-memory cache, so that later sessions open it at
 * once. Samples are read with positional reads. Thread-safe.
 */
public final class TransportStreamFile implements ContainerFile {
    private static final Logger LOG = LoggerFactory.getLogger(TransportStreamFile.class);

    private final FileReader reader;
    private final TsIndex index;

    private TransportStreamFile(FileReader reader, TsIndex index) {
        this.reader = reader;
        this.index = index;
    }

    /**
     * Opens a file, indexing it unless {@code cache} holds its index at its current size and
     * modification time (and then keeping the index there).
     *
     * @throws IOException when it cannot be read, is not a transport stream, or has no playable
     *                     track; the message says why
     */
    public static TransportStreamFile open(Path path, IndexCache cache) throws IOException {
        FileReader reader = new FileReader(path);
        TsIndex index = reader.index(r -> {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            IndexCache.Key key = new IndexCache.Key(path.toAbsolutePath().normalize(), attributes.size(),
                    attributes.lastModifiedTime());
            TsIndex cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            long began = System.nanoTime();
            TsIndex indexed = TsIndexer.index(r);
            LOG.debug("indexed {} in {} ms: {} tracks, {} PES dropped", path, (System.nanoTime() - began) / 1_000_000,
                    indexed.tracks().size(), indexed.droppedPes());
            cache.put(key, indexed);
            return indexed;
        });
        return new TransportStreamFile(reader, index);
    }

    @Override
    public String format() {
        return index.packetSize() == TsPacket.SIZE ? "MPEG-TS" : "MPEG-TS (M2TS)";
    }

    @Override
    public List<TsTrack> tracks() {
        return index.tracks();
    }

    /** A transport stream carries no recording date this demuxer reads. */
    @Override
    public Optional<Instant> created() {
        return Optional.empty();
    }

    TsIndex index() {
        return index;
    }

    /** PES packets the index dropped: continuity gaps, bad headers, wrong lengths, missing times. */
    public int droppedPes() {
        return index.droppedPes();
    }

    /** Reads a sample: an H.264/H.265 access unit with 4-byte NAL lengths, or a raw AAC frame. */
    @Override
    public ByteBuffer read(int track, int sample) throws IOException {
        TsTrack t = index.tracks().get(track);
        byte[] bytes = PayloadReader.read(reader, index.packetSize(), t.pid(), t.samples(), sample);
        return t.format().type() == MediaType.VIDEO ? AnnexB.toLengthPrefixed(bytes, bytes.length)
                : ByteBuffer.wrap(bytes);
    }

    /** Closes the file; idempotent. The index stays cached. */
    @Override
    public void close() throws IOException {
        reader.close();
    }
}
