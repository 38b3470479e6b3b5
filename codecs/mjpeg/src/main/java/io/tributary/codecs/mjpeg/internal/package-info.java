/**
 * Motion JPEG over RTP (RFC 2435): the {@code JPEG} payload format service, the baseline JPEG
 * images it carries and the RFC's main, restart marker and quantization table headers. Not
 * exported.
 *
 * <p>An access unit of a {@code JPEG} track is one complete baseline JPEG image, {@code SOI}
 * to {@code EOI}, and always a keyframe. What RFC 2435 can carry, and so what the packetizer
 * accepts: 8-bit baseline sequential (SOF0) images of three components, sampled 2x1, 1x1, 1x1
 * (4:2:2, type 0) or 2x2, 1x1, 1x1 (4:2:0, type 1), one interleaved scan, both chroma
 * components on one quantization table, 8-bit quantization tables, the standard Huffman tables
 * of JPEG Annex K.3 (or none, which means the same), a width and height that are multiples of
 * 8 up to 2040, with or without restart markers. Everything else is refused with an
 * {@link IllegalArgumentException} saying why; APPn and COM segments are left out.
 *
 * <p>The depacketizer rebuilds every image in one layout ({@link JfifHeader}): the layout
 * ffmpeg's encoder writes, without its APP0 and COM segments, so that an ffmpeg image comes
 * through byte for byte once those are removed.
 */
package io.tributary.codecs.mjpeg.internal;
