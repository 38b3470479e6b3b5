package io.tributary.rtsp.sdp;

import java.util.List;

/**
 * A session description (RFC 4566 §5). Strings are as written; absent single fields are
 * null, absent repeated fields empty lists. No {@code t=} means {@code t=0 0}.
 *
 * @param version     {@code v=}, always 0
 * @param origin      {@code o=}, or null
 * @param sessionName {@code s=}; empty when none ({@code s= } on the wire)
 */
public record SessionDescription(int version, Origin origin, String sessionName, String information,
        String uri, List<String> emails, List<String> phones, Connection connection,
        List<Bandwidth> bandwidths, List<Timing> times, String zone, String key,
        List<Attribute> attributes, List<SdpMedia> media) {

    public SessionDescription {
        sessionName = sessionName == null ? "" : sessionName;
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        bandwidths = bandwidths == null ? List.of() : List.copyOf(bandwidths);
        times = times == null || times.isEmpty() ? List.of(Timing.unbounded()) : List.copyOf(times);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** The fields an RTSP server sets; the rest empty. */
    public SessionDescription(int version, Origin origin, String sessionName, String information,
            Connection connection, List<Timing> times, List<Attribute> attributes, List<SdpMedia> media) {
        this(version, origin, sessionName, information, null, List.of(), List.of(), connection, List.of(),
                times, null, null, attributes, media);
    }

    /** The first session-level attribute called {@code name}, or null. */
    public Attribute attribute(String name) {
        return Attribute.find(attributes, name);
    }

    /** Session-level {@code a=control}, or null. */
    public String control() {
        Attribute a = attribute("control");
        return a == null ? null : a.value();
    }
}
