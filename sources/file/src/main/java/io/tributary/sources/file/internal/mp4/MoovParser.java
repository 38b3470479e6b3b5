package io.tributary.sources.file.internal.mp4;

import io.tributary.sources.file.internal.container.TrackFormat;
import io.tributary.sources.file.internal.mp4.BoxCursor.Box;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the movie box: the movie timescale ({@code mvhd}) and, for each {@code trak}, its
 * header, media header, handler, sample description, sample table and edit list; then, in a
 * fragmented file, the samples of its movie fragments with the defaults of the movie extends
 * box ({@code mvex}). Tracks that are neither video nor audio, of an unsupported codec or
 * without samples are skipped.
 */
final class MoovParser {
    private static final Logger LOG = LoggerFactory.getLogger(MoovParser.class);
    /** Where MP4 times count from (ISO/IEC 14496-12 §8.2.2). */
    private static final Instant MP4_EPOCH = Instant.parse("1904-01-01T00:00:00Z");
    /** The last creation time taken as a date, in seconds since {@link #MP4_EPOCH}. */
    private static final long LATEST_CREATION =
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() - MP4_EPOCH.getEpochSecond();

    private MoovParser() {
    }

    /**
     * The playable tracks of a movie, and what the others are, for the message when none is.
     *
     * @param skipped each track that is not played: {@code track 1 'mp4v' (video)}
     */
    record Movie(List<Mp4Track> tracks, List<String> skipped) {
    }

    /**
     * @param fragments where each movie fragment ({@code moof}) starts, in file order; their
     *                  samples follow those of the sample tables
     */
    static Movie parse(byte[] moov, long fileSize, FileChannel channel, long[] fragments)
            throws IOException {
        List<Box> boxes = new BoxCursor(moov).children();
        BoxCursor mvhd = BoxCursor.require(boxes, "mvhd", "moov").payload();
        mvhd.skip(mvhd.version() == 1 ? 16 : 8); // creation and modification times
        long movieTimescale = timescale(mvhd, "mvhd");
        List<Trak> traks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int sampleBudget = SampleTableParser.MAX_SAMPLES;
        for (Box box : boxes) {
            if (box.type().equals("trak")) {
                Trak trak = trak(box.payload().children(), fileSize, sampleBudget, skipped);
                if (trak != null) {
                    traks.add(trak);
                    sampleBudget -= trak.samples().count();
                }
            }
        }
        Map<Long, SampleTable> fragmented = null;
        if (fragments.length > 0) {
            Box mvex = BoxCursor.find(boxes, "mvex");
            if (mvex == null) {
                throw new IOException("movie fragments without a movie extends box (mvex)");
            }
            Map<Long, SampleTable> moovSamples = new HashMap<>();
            traks.forEach(trak -> moovSamples.putIfAbsent(trak.id(), trak.samples()));
            fragmented = FragmentParser.index(channel, fileSize, fragments,
                    TrackDefaults.parse(mvex.payload().children()), moovSamples, sampleBudget);
        }
        List<Mp4Track> tracks = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (Trak trak : traks) {
            SampleTable table = trak.samples();
            if (fragmented != null) {
                if (!ids.add(trak.id())) {
                    LOG.debug("track {}: skipped, its id is taken: fragments could not tell the two apart", trak.id());
                    skipped.add(trak.described("its id taken"));
                    continue;
                }
                table = fragmented.get(trak.id());
            }
            if (table.count() == 0) {
                LOG.debug("track {}: skipped, no samples", trak.id());
                skipped.add(trak.described("no samples"));
                continue;
            }
            tracks.add(Mp4Track.create(trak.id(), trak.format(), table, trak.timescale(), trak.edits(), movieTimescale));
        }
        return new Movie(tracks, skipped);
    }

    /**
     * When the movie was created ({@code mvhd}, seconds since 1904-01-01 UTC), or null when it
     * says 0 (unknown: what ffmpeg writes without a {@code creation_time}) or a 64-bit value
     * before 1904 or after the year 9999, which no recorder wrote (and which {@link Instant}
     * cannot hold at the far end).
     */
    static Instant creationTime(byte[] moov) throws IOException {
        BoxCursor mvhd = BoxCursor.require(new BoxCursor(moov).children(), "mvhd", "moov").payload();
        long seconds = mvhd.version() == 1 ? mvhd.i64() : mvhd.u32();
        return seconds <= 0 || seconds > LATEST_CREATION ? null : MP4_EPOCH.plusSeconds(seconds);
    }

    /** What a {@code trak} says about a playable track: its format, timeline and the samples of its sample table. */
    private record Trak(long id, TrackFormat format, long timescale, EditList edits, SampleTable samples) {
        String described(String why) {
            return "track " + id + " " + format.encoding().name() + " (" + why + ")";
        }
    }

    /**
     * A track's boxes, or {@code null} when it is not playable.
     *
     * @param skipped where a track that is not playable is described
     */
    private static Trak trak(List<Box> trak, long fileSize, int sampleBudget, List<String> skipped)
            throws IOException {
        BoxCursor tkhd = BoxCursor.require(trak, "tkhd", "trak").payload();
        tkhd.skip(tkhd.version() == 1 ? 16 : 8); // creation and modification times
        long id = tkhd.u32();

        List<Box> mdia = BoxCursor.require(trak, "mdia", "trak").payload().children();
        BoxCursor mdhd = BoxCursor.require(mdia, "mdhd", "mdia").payload();
        mdhd.skip(mdhd.version() == 1 ? 16 : 8);
        long timescale = timescale(mdhd, "mdhd");
        BoxCursor hdlr = BoxCursor.require(mdia, "hdlr", "mdia").payload();
        hdlr.version();
        hdlr.skip(4); // pre-defined
        String handler = hdlr.fourcc();
        if (!handler.equals("vide") && !handler.equals("soun")) {
            LOG.debug("track {}: skipped, handler '{}'", id, BoxCursor.printable(handler));
            skipped.add("track " + id + " (handler '" + BoxCursor.printable(handler) + "')");
            return null;
        }

        List<Box> minf = BoxCursor.require(mdia, "minf", "mdia").payload().children();
        List<Box> stbl = BoxCursor.require(minf, "stbl", "minf").payload().children();
        TrackFormat format = SampleEntries.parse(BoxCursor.require(stbl, "stsd", "stbl").payload(), id, handler,
                skipped);
        if (format == null) {
            return null;
        }
        SampleTable samples = SampleTableParser.parse(stbl, fileSize, sampleBudget);
        return new Trak(id, format, timescale, editList(trak), samples);
    }

    private static EditList editList(List<Box> trak) throws IOException {
        Box edts = BoxCursor.find(trak, "edts");
        Box elst = edts == null ? null : BoxCursor.find(edts.payload().children(), "elst");
        return elst == null ? EditList.NONE : EditList.parse(elst.payload());
    }

    private static long timescale(BoxCursor header, String box) throws IOException {
        long timescale = header.count(Integer.MAX_VALUE, box + ": timescale");
        if (timescale == 0) {
            throw new IOException(box + ": timescale 0");
        }
        return timescale;
    }
}
