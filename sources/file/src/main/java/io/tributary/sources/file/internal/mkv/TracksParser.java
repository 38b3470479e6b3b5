package io.tributary.sources.file.internal.mkv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the TrackEntry elements of a Tracks element. */
final class TracksParser {
    /** Track entries accepted; files have a handful, more is an attack on memory. */
    static final int MAX_TRACKS = 128;
    /** The largest CodecPrivate read: avcC/hvcC/OpusHead records are a few hundred bytes. */
    static final int MAX_CODEC_PRIVATE = 1 << 20;
    /** Nanoseconds per frame beyond which a DefaultDuration or CodecDelay is refused (one hour). */
    private static final long MAX_NANOS = 3_600_000_000_000L;

    private TracksParser() {
    }

    static List<TrackEntry> parse(EbmlInput in, EbmlElement tracks) throws IOException {
        List<TrackEntry> entries = new ArrayList<>();
        Set<Long> numbers = new HashSet<>();
        for (long at = tracks.dataStart(); at < tracks.end(); ) {
            EbmlElement e = in.child(at, tracks.end(), tracks);
            if (e.id() == ElementIds.TRACK_ENTRY) {
                if (entries.size() == MAX_TRACKS) {
                    throw new IOException("more than " + MAX_TRACKS + " track entries");
                }
                TrackEntry entry = entry(in, e);
                if (!numbers.add(entry.number())) {
                    throw new IOException("two track entries with number " + entry.number());
                }
                entries.add(entry);
            }
            at = e.end();
        }
        return entries;
    }

    private static TrackEntry entry(EbmlInput in, EbmlElement parent) throws IOException {
        long number = 0;
        int type = 0;
        String codecId = "";
        byte[] codecPrivate = new byte[0];
        long defaultDuration = 0;
        long codecDelay = 0;
        int width = 0;
        int height = 0;
        double[] audio = {8000, 0, 1};
        byte[][] stripped = {new byte[0]};
        boolean encodingSupported = true;
        for (long at = parent.dataStart(); at < parent.end(); ) {
            EbmlElement e = in.child(at, parent.end(), parent);
            switch (e.id()) {
                case ElementIds.TRACK_NUMBER -> number = in.unsigned(e);
                case ElementIds.TRACK_TYPE -> type = (int) Math.min(in.unsigned(e), 255);
                case ElementIds.CODEC_ID -> codecId = in.string(e, 256);
                case ElementIds.CODEC_PRIVATE -> codecPrivate = in.binary(e, MAX_CODEC_PRIVATE);
                case ElementIds.DEFAULT_DURATION -> defaultDuration = nanos(in, e, "DefaultDuration");
                case ElementIds.CODEC_DELAY -> codecDelay = nanos(in, e, "CodecDelay");
                case ElementIds.VIDEO -> {
                    for (long v = e.dataStart(); v < e.end(); ) {
                        EbmlElement f = in.child(v, e.end(), e);
                        if (f.id() == ElementIds.PIXEL_WIDTH) {
                            width = (int) Math.min(in.unsigned(f), 65535);
                        } else if (f.id() == ElementIds.PIXEL_HEIGHT) {
                            height = (int) Math.min(in.unsigned(f), 65535);
                        }
                        v = f.end();
                    }
                }
                case ElementIds.AUDIO -> audio(in, e, audio);
                case ElementIds.CONTENT_ENCODINGS -> encodingSupported = headerStripping(in, e, stripped);
                default -> {
                    // name, language, flags, UIDs, …: not needed to play
                }
            }
            at = e.end();
        }
        if (number <= 0) {
            throw new IOException("track entry at " + parent.start() + " without a TrackNumber");
        }
        return new TrackEntry(number, type, codecId, codecPrivate, defaultDuration, codecDelay, width, height,
                audio[0], audio[1], (int) audio[2], stripped[0], encodingSupported);
    }

    /** Reads SamplingFrequency, OutputSamplingFrequency and Channels into {@code values}. */
    private static void audio(EbmlInput in, EbmlElement parent, double[] values) throws IOException {
        for (long at = parent.dataStart(); at < parent.end(); ) {
            EbmlElement e = in.child(at, parent.end(), parent);
            switch (e.id()) {
                case ElementIds.SAMPLING_FREQUENCY -> values[0] = in.floating(e);
                case ElementIds.OUTPUT_SAMPLING_FREQUENCY -> values[1] = in.floating(e);
                case ElementIds.CHANNELS -> values[2] = Math.min(in.unsigned(e), 255);
                default -> {
                }
            }
            at = e.end();
        }
    }

    /**
     * Whether the frames can be read: no ContentEncoding, or a single header-stripping one
     * (ContentCompAlgo 3, frames scope) whose bytes are put into {@code stripped[0]}. zlib, bzip2,
     * LZO and encryption are not supported.
     */
    private static boolean headerStripping(EbmlInput in, EbmlElement encodings, byte[][] stripped)
            throws IOException {
        int count = 0;
        boolean supported = true;
        for (long at = encodings.dataStart(); at < encodings.end(); ) {
            EbmlElement encoding = in.child(at, encodings.end(), encodings);
            at = encoding.end();
            if (encoding.id() != ElementIds.CONTENT_ENCODING) {
                continue;
            }
            count++;
            long scope = 1;
            long type = 0;
            long algorithm = -1;
            for (long c = encoding.dataStart(); c < encoding.end(); ) {
                EbmlElement e = in.child(c, encoding.end(), encoding);
                switch (e.id()) {
                    case ElementIds.CONTENT_ENCODING_SCOPE -> scope = in.unsigned(e);
                    case ElementIds.CONTENT_ENCODING_TYPE -> type = in.unsigned(e);
                    case ElementIds.CONTENT_COMPRESSION -> {
                        algorithm = 0;
                        for (long k = e.dataStart(); k < e.end(); ) {
                            EbmlElement f = in.child(k, e.end(), e);
                            if (f.id() == ElementIds.CONTENT_COMP_ALGO) {
                                algorithm = in.unsigned(f);
                            } else if (f.id() == ElementIds.CONTENT_COMP_SETTINGS) {
                                stripped[0] = in.binary(f, 4096);
                            }
                            k = f.end();
                        }
                    }
                    default -> {
                    }
                }
                c = e.end();
            }
            supported &= type == 0 && algorithm == 3 && scope == 1;
        }
        return supported && count <= 1;
    }

    private static long nanos(EbmlInput in, EbmlElement e, String what) throws IOException {
        long value = in.unsigned(e);
        if (value > MAX_NANOS) {
            throw new IOException(what + " of " + value + " ns exceeds one hour");
        }
        return value;
    }
}
