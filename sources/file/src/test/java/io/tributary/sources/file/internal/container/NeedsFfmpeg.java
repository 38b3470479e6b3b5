package io.tributary.sources.file.internal.container;

import org.junit.jupiter.api.BeforeEach;

/** A test class whose every test makes its clips with ffmpeg: each is skipped, and says why, when ffmpeg is missing. */
public interface NeedsFfmpeg {
    @BeforeEach
    default void ffmpegInstalled() {
        Ffmpeg.assumeInstalled();
    }
}
