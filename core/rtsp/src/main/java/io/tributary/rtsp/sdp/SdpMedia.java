package io.tributary.rtsp.sdp;

import java.util.List;
import java.util.Objects;

/**
 * One media section: {@code m=<media> <port>[/<count>] <proto> <fmt> ...} and its
 * {@code i=}, {@code c=}, {@code b=}, {@code k=} and {@code a=} lines.
 *
 * @param type        {@code video}, {@code audio}, {@code application}, …
 * @param port        the port, 0 in RTSP SDPs
 * @param portCount   the number of ports after {@code /}, or null
 * @param protocol    {@code RTP/AVP}, …
 * @param formats     payload types (or other format names), in order
 * @param information {@code i=}, or null
 * @param connection  {@code c=}, or null (only the first of several is kept)
 * @param key         {@code k=} as written, or null
 */
public record SdpMedia(String type, int port, Integer portCount, String protocol, List<String> formats,
        String information, Connection connection, List<Bandwidth> bandwidths, String key,
        List<Attribute> attributes) {

    public SdpMedia {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        if (port < 0 || port > 65535 || (portCount != null && portCount < 1)) {
            throw new IllegalArgumentException("bad media port");
        }
        formats = formats == null ? List.of() : List.copyOf(formats);
        bandwidths = bandwidths == null ? List.of() : List.copyOf(bandwidths);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** {@code m=<type> 0 <protocol> <formats>} with attributes, as an RTSP server describes a track. */
    public static SdpMedia of(String type, String protocol, List<String> formats, List<Attribute> attributes) {
        return new SdpMedia(type, 0, null, protocol, formats, null, null, List.of(), null, attributes);
    }

    /** The first attribute called {@code name}, or null. */
    public Attribute attribute(String name) {
        return Attribute.find(attributes, name);
    }

    /** {@code a=control} (a URL, relative or absolute, or {@code *}), or null. */
    public String control() {
        Attribute a = attribute("control");
        return a == null ? null : a.value();
    }

    /** {@code a=rtpmap} for payload type {@code pt}, or null when absent or malformed. */
    public RtpMap rtpmap(int pt) {
        String value = Attribute.forPayloadType(attributes, "rtpmap", pt);
        return value == null ? null : RtpMap.parse(pt + " " + value);
    }

    /**
     * {@code a=rtpmap} for payload type {@code pt}, or for a static payload type sent without
     * one (ffmpeg and cameras do, for PCMU and PCMA) its RFC 3551 assignment; null otherwise.
     */
    public RtpMap rtpmapOrStatic(int pt) {
        RtpMap explicit = rtpmap(pt);
        return explicit != null ? explicit : RtpMap.ofStaticPayloadType(pt);
    }

    /** The parameters of {@code a=fmtp} for payload type {@code pt} (after the number), or null. */
    public String fmtp(int pt) {
        return Attribute.forPayloadType(attributes, "fmtp", pt);
    }
}
