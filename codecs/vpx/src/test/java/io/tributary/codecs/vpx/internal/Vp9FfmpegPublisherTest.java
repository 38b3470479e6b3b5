package io.tributary.codecs.vpx.internal;

import java.util.List;

/**
 * {@link VpxFfmpegPublisherTest} with libvpx's VP9. ffmpeg 5.1 sends VP9 only with
 * {@code -strict experimental}, with a one-octet descriptor (B and E, no picture ID).
 */
class Vp9FfmpegPublisherTest extends VpxFfmpegPublisherTest<Vp9PayloadFormat> {
    Vp9FfmpegPublisherTest() {
        super(new Vp9PayloadFormat(), "VP9", List.of("-c:v", "libvpx-vp9", "-deadline", "good", "-cpu-used", "8"),
                List.of("-strict", "experimental"));
    }
}
