package io.tributary.sources.file.internal.mp4;

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
 * An open MP4/MOV file: its playable tracks, and their samples read with positional reads.
 * Thread-safe.
 */
public final class Mp4File implements ContainerFile {
    private final FileReader reader;
    private final String majorBrand;
    private final List<Mp4Track> tracks;
    private final Instant created;

    private Mp4File(FileReader reader, String majorBrand, List<Mp4Track> tracks, Instant created) {
        this.reader = reader;
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
        FileReader reader = new FileReader(path);
        TopLevelBoxes.Found found;
        List<Mp4Track> tracks;
        Instant created;
        try {
            long size = reader.size();
            found = TopLevelBoxes.read(reader.channel(), size);
            tracks = MoovParser.parse(found.moov(), size, reader.channel(), found.fragments());
            created = MoovParser.creationTime(found.moov());
        } catch (IOException e) {
            reader.close();
            throw new IOException(path.getFileName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        if (tracks.isEmpty()) {
            reader.close();
            throw new IOException("no playable track in " + path.getFileName());
        }
        return new Mp4File(reader, found.majorBrand(), tracks, created);
    }

    @Override
    public String format() {
        return majorBrand.isBlank() ? "MP4" : "MP4 (" + majorBrand.strip() + ")";
    }

    /** When the movie was created, as its {@code mvhd} says; empty when it does not. */
    @Override
    public Optional<Instant> created() {
        return Optional.ofNullable(created);
    }

    /** The {@code ftyp} major brand ({@code isom}, {@code qt  }, {@code M4A }), or {@code ""}. */
    public String majorBrand() {
        return majorBrand;
    }

    @Override
    public List<Mp4Track> tracks() {
        return tracks;
    }

    /**
     * Reads a sample into a fresh heap buffer of its exact size, NAL units with 4-byte length
     * prefixes for H.264/H.265. May block.
     */
    @Override
    public ByteBuffer read(int track, int sample) throws IOException {
        Mp4Track t = tracks.get(track);
        SampleTable samples = t.samples();
        ByteBuffer data = ByteBuffer.allocate(samples.size(sample));
        reader.read(data, samples.offset(sample));
        data.flip();
        int lengthSize = t.format().nalLengthSize();
        return lengthSize == 0 || lengthSize == 4 ? data : NalLengths.toFourByteLengths(data, lengthSize);
    }

    /** Closes the file; idempotent. */
    @Override
    public void close() throws IOException {
        reader.close();
    }
}
