package io.tributary.sources.file.internal.mkv;

import io.tributary.sources.file.internal.container.ContainerFile;
import io.tributary.sources.file.internal.container.FileReader;
import io.tributary.sources.file.internal.container.NalLengths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An open Matroska or WebM file: its playable tracks, and their frames read with positional
 * reads. Thread-safe.
 */
public final class MatroskaFile implements ContainerFile {
    private final FileReader reader;
    private final String docType;
    private final List<MatroskaTrack> tracks;
    private final Instant created;

    private MatroskaFile(FileReader reader, SegmentParser.Parsed parsed) {
        this.reader = reader;
        this.docType = parsed.docType();
        this.tracks = List.copyOf(parsed.tracks());
        this.created = parsed.created();
    }

    /**
     * Opens and indexes a file.
     *
     * @throws IOException when it cannot be read, is not a (supported) Matroska/WebM file, or has
     *                     no playable track; the message says why
     */
    public static MatroskaFile open(Path path) throws IOException {
        FileReader reader = new FileReader(path);
        SegmentParser.Parsed parsed = reader.index(r -> SegmentParser.parse(new EbmlInput(r.channel(), r.size())));
        if (parsed.tracks().isEmpty()) {
            reader.close();
            throw new IOException("no playable track in " + path.getFileName()
                    + (parsed.skipped().isEmpty() ? "" : " (found tracks " + String.join(", ", parsed.skipped()) + ")"));
        }
        return new MatroskaFile(reader, parsed);
    }

    @Override
    public String format() {
        return "Matroska (" + docType + ")";
    }

    @Override
    public List<MatroskaTrack> tracks() {
        return tracks;
    }

    /** When the recording started, as the Info's DateUTC says; empty when it does not. */
    @Override
    public Optional<Instant> created() {
        return Optional.ofNullable(created);
    }

    /**
     * Reads a frame into a fresh heap buffer of its exact size (with a stripped header put back),
     * NAL units with 4-byte length prefixes for H.264/H.265. May block.
     */
    @Override
    public ByteBuffer read(int track, int sample) throws IOException {
        MatroskaTrack t = tracks.get(track);
        return NalLengths.toAccessUnit(reader.read(t.offset(sample), t.prefix(), t.size(sample)),
                t.format().nalLengthSize());
    }

    /** Closes the file; idempotent. */
    @Override
    public void close() throws IOException {
        reader.close();
    }
}
