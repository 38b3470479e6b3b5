/**
 * A small ISO-BMFF (MP4/MOV) demuxer: finds the movie box, indexes the samples of its H.264,
 * H.265, AAC and Opus tracks into compact tables, and reads samples with positional reads.
 * Fragmented files are not supported. Input is untrusted: every size and count is bounded,
 * and malformed files fail with an {@link java.io.IOException} that says why. Not exported.
 */
package io.tributary.sources.file.internal.mp4;
