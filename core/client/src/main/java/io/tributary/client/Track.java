package io.tributary.client;

import io.tributary.rtsp.sdp.SdpMedia;
import java.util.Objects;

/**
 * One media section of a session description, with the URL its SETUP goes to.
 *
 * @param index      position of the media section in the SDP, from 0; the track number
 *                   used by {@link MediaListener} and {@link ClientSession#sendRtp}
 * @param media      the media section
 * @param controlUrl its {@code a=control} resolved against the base URL (absolute)
 */
public record Track(int index, SdpMedia media, String controlUrl) {
    public Track {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(controlUrl, "controlUrl");
        if (index < 0 || index > 127) {
            throw new IllegalArgumentException("track index " + index);
        }
    }
}
