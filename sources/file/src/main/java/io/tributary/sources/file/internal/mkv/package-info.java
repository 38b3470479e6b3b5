/**
 * A small Matroska/WebM demuxer (RFC 8794 EBML, RFC 9559 Matroska): reads the EBML header, the
 * Segment's Info (TimestampScale, Duration, DateUTC) and Tracks (H.264, H.265, VP8, VP9, AAC,
 * Opus), and indexes every frame of the Clusters in one pass at open (SimpleBlock and
 * BlockGroup, Xiph/EBML/fixed lacing, Clusters and Segments of unknown size), so Cues are not
 * needed. Frames are read with positional reads. Input is untrusted: every size, count and time
 * is bounded, and malformed files fail with an {@link java.io.IOException} that says why.
 *
 * <p>Libraries considered on Maven Central: jebml ({@code com.github.kokorin:jebml}, a Matroska
 * muxer/demuxer under LGPL-2.1, not an OSGi bundle) and jcodec's MKV demuxer (part of a large
 * non-OSGi codec jar). Either would have to be embedded and then vetted against hostile sizes
 * and counts, which is most of the work here; serving needs only the few hundred lines below,
 * so the bundle stays self-contained. Not exported.
 */
package io.tributary.sources.file.internal.mkv;
