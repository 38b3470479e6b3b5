/**
 * A small ISO-BMFF (MP4/MOV) demuxer: finds the movie box, indexes the samples of its H.264,
 * H.265, AAC and Opus tracks into compact tables, and reads samples with positional reads.
 * Fragmented files (an {@code mvex} in the movie box, then {@code moof}/{@code mdat} pairs, as
 * recorders, DASH/CMAF packagers and {@code ffmpeg -movflags frag_keyframe} write them) are
 * indexed in the same pass into the same tables, after the samples of the movie box; an
 * unfinished last fragment plays up to its last complete sample. Input is untrusted: every
 * size and count is bounded, and malformed files fail with an {@link java.io.IOException}
 * that says why. Not exported.
 *
 * <p>Written here rather than taken from mp4parser ({@code org.mp4parser:isoparser}) or
 * jcodec: both model every box and sample as objects, which costs far more memory per sample
 * than the arrays used here, neither is meant for hostile input, and either would have to be
 * embedded into this bundle; the part needed for playback is a few hundred lines.
 */
package io.tributary.sources.file.internal.mp4;
