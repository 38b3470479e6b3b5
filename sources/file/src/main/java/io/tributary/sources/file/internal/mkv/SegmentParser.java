package io.tributary.sources.file.internal.mkv;

import io.tributary.sources.file.internal.container.TrackFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a Matroska/WebM file once from the start: the EBML header (DocType {@code matroska} or
 * {@code webm}), then the Segment's Info, Tracks and every Cluster, indexing all frames of the
 * playable tracks. SeekHead and Cues are not needed: every frame's position is indexed anyway.
 * A Segment or Cluster of unknown size (a live-written file) runs to the next top-level element
 * or the end of the file.
 */
final class SegmentParser {
    /** 2001-01-01T00:00:00Z, the origin of DateUTC. */
    static final Instant MATROSKA_EPOCH = Instant.parse("2001-01-01T00:00:00Z");
    private static final long DEFAULT_TIMESTAMP_SCALE = 1_000_000;

    private final EbmlInput in;
    private String docType = "matroska";
    private long timestampScale = DEFAULT_TIMESTAMP_SCALE;
    private long duration = -1;
    private Instant created;
    private final List<TrackEntry> entries = new ArrayList<>();
    private final Map<Long, TrackFormat> formats = new LinkedHashMap<>();
    private ClusterIndexer indexer;
    private Map<Long, ClusterIndexer.Track> collected;

    /** What the file holds. */
    record Parsed(String docType, List<MatroskaTrack> tracks, Instant created, List<String> skipped) {
    }

    private SegmentParser(EbmlInput in) {
        this.in = in;
    }

    static Parsed parse(EbmlInput in) throws IOException {
        return new SegmentParser(in).parse();
    }

    private Parsed parse() throws IOException {
        EbmlElement header = in.element(0, in.size());
        if (header == null || header.id() != ElementIds.EBML) {
            throw new IOException("no EBML header (not a Matroska/WebM file)");
        }
        header(in.child(0, in.size(), header));
        long at = header.end();
        EbmlElement segment = null;
        while (segment == null) {
            EbmlElement e = in.element(at, in.size());
            if (e == null) {
                throw new IOException("no Segment after the EBML header");
            }
            if (e.id() == ElementIds.SEGMENT) {
                segment = e;
            } else if (e.unknownSize()) {
                throw new IOException("top-level element " + e.name() + " of unknown size before the Segment");
            } else {
                at = e.end();
            }
        }
        long end = segment.unknownSize() ? in.size() : Math.min(segment.end(), in.size());
        at = segment.dataStart();
        while (at < end) {
            EbmlElement e = in.element(at, end);
            if (e == null) {
                break; // the file ends inside an element header
            }
            switch (e.id()) {
                case ElementIds.INFO -> info(in.child(at, end, segment));
                case ElementIds.TRACKS -> tracks(in.child(at, end, segment));
                case ElementIds.CLUSTER -> {
                    if (collected == null) {
                        throw new IOException("Cluster at " + at + " before the Tracks");
                    }
                    if (indexer == null) { // Info and Tracks are complete: they precede the first Cluster
                        indexer = new ClusterIndexer(in, timestampScale, collected);
                    }
                    at = indexer.cluster(e, end);
                    continue;
                }
                default -> {
                    if (e.unknownSize()) {
                        throw new IOException("element " + e.name() + " at " + at + " of unknown size in the Segment");
                    }
                }
            }
            if (e.size() > end - e.dataStart()) {
                break; // cut off: an unfinished recording
            }
            at = e.end();
        }
        if (collected == null) {
            throw new IOException("no Tracks in the Segment");
        }
        return result();
    }

    private void header(EbmlElement header) throws IOException {
        for (long at = header.dataStart(); at < header.end(); ) {
            EbmlElement e = in.child(at, header.end(), header);
            if (e.id() == ElementIds.DOC_TYPE) {
                docType = in.string(e, 64);
            } else if (e.id() == ElementIds.DOC_TYPE_READ_VERSION && in.unsigned(e) > 4) {
                throw new IOException("DocTypeReadVersion " + in.unsigned(e) + " is newer than Matroska v4");
            }
            at = e.end();
        }
        if (!docType.equals("matroska") && !docType.equals("webm")) {
            throw new IOException("DocType '" + printable(docType) + "' is neither matroska nor webm");
        }
    }

    private void info(EbmlElement info) throws IOException {
        double durationTicks = -1;
        for (long at = info.dataStart(); at < info.end(); ) {
            EbmlElement e = in.child(at, info.end(), info);
            switch (e.id()) {
                case ElementIds.TIMESTAMP_SCALE -> {
                    timestampScale = in.unsigned(e);
                    if (timestampScale < 1 || timestampScale > 1_000_000_000) {
                        throw new IOException("TimestampScale of " + timestampScale + " ns is out of range");
                    }
                }
                case ElementIds.DURATION -> durationTicks = in.floating(e);
                case ElementIds.DATE_UTC -> created = MATROSKA_EPOCH.plusNanos(in.signed(e));
                default -> {
                }
            }
            at = e.end();
        }
        double nanos = durationTicks * timestampScale;
        duration = durationTicks >= 0 && nanos < ClusterIndexer.MAX_NANOS ? Math.round(nanos) : -1;
    }

    private void tracks(EbmlElement tracks) throws IOException {
        if (collected != null) {
            return; // a second Tracks element (a copy) adds nothing
        }
        collected = new LinkedHashMap<>();
        for (TrackEntry entry : TracksParser.parse(in, tracks)) {
            entries.add(entry);
            TrackFormat format = CodecMapping.format(entry);
            if (format != null) {
                formats.put(entry.number(), format);
                collected.put(entry.number(), new ClusterIndexer.Track(new SampleList(), entry.defaultDuration()));
            }
        }
    }

    private Parsed result() {
        List<MatroskaTrack> tracks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (TrackEntry entry : entries) {
            ClusterIndexer.Track track = collected.get(entry.number());
            if (track == null) {
                skipped.add(entry.number() + ": " + printable(entry.codecId()));
            } else if (track.samples().count() == 0) {
                skipped.add(entry.number() + ": " + printable(entry.codecId()) + " without frames");
            } else {
                track.samples().finish();
                tracks.add(MatroskaTrack.create(entry, formats.get(entry.number()), track.samples(), duration));
            }
        }
        return new Parsed(docType, tracks, created, skipped);
    }

    private static String printable(String text) {
        return text.codePoints().allMatch(c -> c >= 0x20 && c < 0x7F) ? text : text.replaceAll("[^ -~]", "?");
    }
}
