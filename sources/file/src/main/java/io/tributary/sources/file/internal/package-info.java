/**
 * The file source: a {@link io.tributary.api.source.MediaSourceProvider} that serves files
 * (MP4/MOV, fragmented MP4, Matroska/WebM, MPEG-TS) on demand under a path prefix, and a demo
 * clip. Not exported.
 */
package io.tributary.sources.file.internal;
