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
    private static final byte[] NO_PREFIX = {};
    private static final int MAX_TRACKS_NAMED = 8;

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
        TopLevelBoxes.Found found = reader.index(r -> TopLevelBoxes.read(r.channel(), r.size()));
        MoovParser.Movie movie = reader.index(r -> MoovParser.parse(found.moov(), r.size(), r.channel(),
                found.fragments()));
        Instant created = reader.index(r -> MoovParser.creationTime(found.moov()));
        if (movie.tracks().isEmpty()) {
            reader.close();
            throw new IOException("no playable track in " + path.getFileName() + "; found: " + found(movie.skipped()));
        }
        return new Mp4File(reader, found.majorBrand(), movie.tracks(), created);
    }

    /** The tracks found, for the message: the first few, as a hostile file may hold thousands. */
    private static String found(List<String> skipped) {
        if (skipped.isEmpty()) {
            return "no tracks";
        }
        int shown = Math.min(skipped.size(), MAX_TRACKS_NAMED);
        return String.join(", ", skipped.subList(0, shown))
                + (shown < skipped.size() ? " and " + (skipped.size() - shown) + " more" : "");
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
        return NalLengths.toAccessUnit(reader.read(samples.offset(sample), NO_PREFIX, samples.size(sample)),
                t.format().nalLengthSize());
    }

    /** Closes the file; idempotent. */
    @Override
    public void close() throws IOException {
        reader.close();
    }
}
