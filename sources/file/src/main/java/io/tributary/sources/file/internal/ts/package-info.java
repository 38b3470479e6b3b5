/**
 * A small MPEG-2 transport stream demuxer ({@code .ts}, and {@code .m2ts} with its 4-byte
 * timecode prefix): PAT, then the first program's PMT, then its H.264 (stream type 0x1B),
 * H.265 (0x24) and AAC in ADTS (0x0F) streams; other streams are skipped with a DEBUG line.
 * PES packets are reassembled with continuity checks, PTS/DTS unwrapped past 2^33 into one
 * timeline that starts at the earliest first PTS of the tracks, video PES become access units
 * with 4-byte NAL lengths and an {@code avcC}/{@code hvcC} built from the first parameter sets,
 * and each ADTS frame becomes one AAC access unit. Input is untrusted: every size and count is
 * bounded, and a file without a playable track fails with an {@link java.io.IOException} that
 * says what it holds. Not exported.
 *
 * <h2>Index and its cache</h2>
 * A transport stream has no sample table: the index is built in one pass over the whole file
 * on the first open (about the speed of reading the file). It is compact: 25 bytes a sample,
 * the sample's times and where its bytes lie (first and last packet of its PID, the offset in
 * the first, the size); reading re-gathers the PID's payloads in that packet span. Indexes are
 * cached in memory, keyed by path, size and modification time, at most 32 files and 64 MiB (an
 * hour of 30 fps video with 48 kHz AAC indexes in about 7 MiB; a 25 MB file indexes in well
 * under a second). Memory rather than a file
 * beside the media: the media directory may be read-only or shared, a side file would need its
 * own validation as untrusted input, and a one-pass reindex after a restart costs little. The
 * cache belongs to the {@code ContainerFiles} opener that the file source component owns, so
 * it goes when the component is deactivated (a bundle restart frees it); it holds only
 * immutable indexes, never open files.
 *
 * <h2>Libraries considered</h2>
 * jcodec ({@code org.jcodec:jcodec}, its {@code MTSDemuxer}) is not an OSGi bundle, is large
 * for the few hundred lines needed, reads whole PES packets into memory and is not hardened
 * against hostile input; no maintained, small transport stream reader for Java is on Maven
 * Central (the others are players or SCTE-35 tools in other languages). This package is
 * self-contained and fuzzed instead.
 */
package io.tributary.sources.file.internal.ts;
