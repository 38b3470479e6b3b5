/**
 * The file source: a {@link io.tributary.api.source.MediaSourceProvider} that serves MP4/MOV
 * files on demand under a path prefix, and a demo clip. Not exported.
 */
package io.tributary.sources.file.internal;
