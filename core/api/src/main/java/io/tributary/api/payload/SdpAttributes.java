package io.tributary.api.payload;

import java.util.Objects;

/**
 * The codec-specific SDP lines of a media section.
 *
 * @param rtpmap value after {@code a=rtpmap:<pt> }, e.g. {@code H264/90000}
 * @param fmtp   value after {@code a=fmtp:<pt> }, e.g. {@code packetization-mode=1;…}; empty for none
 */
public record SdpAttributes(String rtpmap, String fmtp) {
    public SdpAttributes {
        Objects.requireNonNull(rtpmap, "rtpmap");
        fmtp = fmtp == null ? "" : fmtp;
    }
}
