package io.tributary.api.runtime;

import java.util.List;

/**
 * An open path at the time of the snapshot.
 *
 * @param path      the path, starting with {@code /}
 * @param title     the media's title
 * @param encodings encoding names of its tracks, in order (e.g. {@code H264}, {@code MPEG4-GENERIC})
 * @param seekable  whether clients may seek
 * @param sessions  sessions playing or set up on it
 */
public record PathSnapshot(String path, String title, List<String> encodings, boolean seekable, int sessions) {
}
