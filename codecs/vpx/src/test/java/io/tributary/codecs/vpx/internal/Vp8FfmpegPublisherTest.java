package io.tributary.codecs.vpx.internal;

import java.util.List;

/** {@link VpxFfmpegPublisherTest} with libvpx's VP8. */
class Vp8FfmpegPublisherTest extends VpxFfmpegPublisherTest<Vp8PayloadFormat> {
    Vp8FfmpegPublisherTest() {
        super(new Vp8PayloadFormat(), "VP8", List.of("-c:v", "libvpx", "-deadline", "good", "-cpu-used", "8"),
                List.of());
    }
}
