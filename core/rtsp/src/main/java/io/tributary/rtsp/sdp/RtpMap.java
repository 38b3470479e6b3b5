package io.tributary.rtsp.sdp;

import java.util.Map;
import java.util.Objects;

/**
 * The value of {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<channels>]}.
 *
 * @param channels the encoding parameters (audio channels), or null
 */
public record RtpMap(int payloadType, String encoding, int clockRate, Integer channels) {
    /** The static payload types of RFC 3551 (§6, table 4 and 5) still in use. */
    private static final Map<Integer, RtpMap> STATIC_TYPES = Map.of(
            0, new RtpMap(0, "PCMU", 8000, 1),
            3, new RtpMap(3, "GSM", 8000, 1),
            8, new RtpMap(8, "PCMA", 8000, 1),
            9, new RtpMap(9, "G722", 8000, 1),
            10, new RtpMap(10, "L16", 44100, 2),
            11, new RtpMap(11, "L16", 44100, 1),
            14, new RtpMap(14, "MPA", 90000, null),
            26, new RtpMap(26, "JPEG", 90000, null),
            32, new RtpMap(32, "MPV", 90000, null),
            33, new RtpMap(33, "MP2T", 90000, null));

    public RtpMap {
        Objects.requireNonNull(encoding, "encoding");
        if (payloadType < 0 || payloadType > 127 || clockRate <= 0 || (channels != null && channels <= 0)) {
            throw new IllegalArgumentException("bad rtpmap");
        }
    }

    /** RFC 3551's assignment of static payload type {@code pt}, or null for a dynamic or unassigned one. */
    public static RtpMap ofStaticPayloadType(int pt) {
        return STATIC_TYPES.get(pt);
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
