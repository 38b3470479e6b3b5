package io.tributary.rtsp.sdp;

import java.util.Objects;

/**
 * The value of {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<channels>]}.
 *
 * @param channels the encoding parameters (audio channels), or null
 */
public record RtpMap(int payloadType, String encoding, int clockRate, Integer channels) {
    public RtpMap {
        Objects.requireNonNull(encoding, "encoding");
        if (payloadType < 0 || payloadType > 127 || clockRate <= 0 || (channels != null && channels <= 0)) {
            throw new IllegalArgumentException("bad rtpmap");
        }
    }

    /** Parses {@code 96 H264/90000}; null when malformed. */
    public static RtpMap parse(String value) {
        if (value == null) {
            return null;
        }
        String[] words = value.trim().split("\\s+");
        if (words.length != 2) {
            return null;
        }
        String[] parts = words[1].split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
            return null;
        }
        try {
            return new RtpMap(Integer.parseInt(words[0]), parts[0], Integer.parseInt(parts[1]),
                    parts.length == 3 ? Integer.valueOf(parts[2]) : null);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            return null;
        }
    }

    /** The attribute {@code rtpmap:<pt> <encoding>/<rate>[/<channels>]}. */
    public Attribute toAttribute() {
        return new Attribute("rtpmap", payloadType + " " + encoding + "/" + clockRate
                + (channels == null ? "" : "/" + channels));
    }
}
