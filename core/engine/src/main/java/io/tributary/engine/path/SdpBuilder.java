package io.tributary.engine.path;

import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.engine.handler.SdpPayloadTypes;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.engine.handler.RequestUrl;
import io.tributary.rtsp.sdp.Attribute;
import io.tributary.rtsp.sdp.Bandwidth;
import io.tributary.rtsp.sdp.Connection;
import io.tributary.rtsp.sdp.Origin;
import io.tributary.rtsp.sdp.SdpMedia;
import io.tributary.rtsp.sdp.SdpWriter;
import io.tributary.rtsp.sdp.SessionDescription;
import io.tributary.rtsp.sdp.Timing;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The SDP of a path (RFC 4566, RFC 2326 Appendix C): one media section per track with the
 * payload format's {@code rtpmap}/{@code fmtp}, a control URL per track, and the range
 * clients may play. A track whose encoding no payload format serves makes the whole path
 * unavailable (503 naming the encoding), so a client never gets a half-playable SDP.
 */
public final class SdpBuilder {
    private final Whiteboard<PayloadFormat> formats;

    public SdpBuilder(Whiteboard<PayloadFormat> formats) {
        this.formats = formats;
    }

    public String describe(MediaDescription media, InetSocketAddress server) {
        return describe(media, server, "RTP/AVP", track -> List.of());
    }

    /**
     * The SDP with every media section in {@code profile} (RTP/SAVP on encrypted connections)
     * and {@code keying}'s attribute lines for each track (its keys) added to its section.
     */
    public String describe(MediaDescription media, InetSocketAddress server, String profile,
                           IntFunction<List<String>> keying) {
        String address = server.getAddress().getHostAddress();
        Connection origin = Connection.of(address);
        List<SdpMedia> sections = new ArrayList<>();
        for (TrackDescription track : media.tracks()) {
            sections.add(section(track, profile, keying.apply(track.index())));
        }
        SessionDescription sdp = new SessionDescription(0,
                new Origin("-", Long.toString(System.currentTimeMillis()), "1", origin.netType(), origin.addrType(),
                        address),
                clean(media.title()), null,
                Connection.of(origin.addrType().equals("IP6") ? "::" : "0.0.0.0"),
                List.of(Timing.unbounded()),
                List.of(new Attribute("tool", "Tributary"), new Attribute("control", "*"),
                        new Attribute("range", range(media))),
                sections);
        return SdpWriter.write(sdp);
    }

    private SdpMedia section(TrackDescription track, String profile, List<String> keys) {
        String encoding = track.encoding().name();
        PayloadFormat format = formats.get(encoding).orElseThrow(() -> new RtspException(
                RtspStatus.SERVICE_UNAVAILABLE, "no payload format installed for " + encoding));
        int payloadType = SdpPayloadTypes.of(track);
        SdpAttributes attributes;
        try {
            attributes = format.describe(track, payloadType);
        } catch (IllegalArgumentException e) {
            throw new RtspException(RtspStatus.SERVICE_UNAVAILABLE,
                    "track " + track.index() + " (" + encoding + ") cannot be described: " + e.getMessage());
        }
        List<Attribute> lines = new ArrayList<>();
        lines.add(new Attribute("rtpmap", payloadType + " " + attributes.rtpmap()));
        if (!attributes.fmtp().isEmpty()) {
            lines.add(new Attribute("fmtp", payloadType + " " + attributes.fmtp()));
        }
        if (track.width() > 0 && track.height() > 0) {
            lines.add(new Attribute("framesize", payloadType + " " + track.width() + "-" + track.height()));
        }
        lines.add(new Attribute("control", RequestUrl.trackControl(track.index())));
        for (String key : keys) {
            lines.add(attribute(key));
        }
        List<Bandwidth> bandwidths = track.bitrate() > 0
                ? List.of(new Bandwidth("AS", (track.bitrate() + 999) / 1000)) : List.of();
        return new SdpMedia(track.type().sdpName(), 0, null, profile, List.of(Integer.toString(payloadType)),
                null, null, bandwidths, null, lines);
    }

    /** {@code npt=0-D} for a file, {@code npt=0-} for a looping one, {@code npt=now-} for a live stream. */
    private static String range(MediaDescription media) {
        if (media.seekable()) {
            return String.format(Locale.ROOT, "npt=0-%.3f", media.duration().toNanos() / 1e9);
        }
        return media.duration() == null ? "npt=now-" : "npt=0-";
    }

    /** {@code name:value} or {@code name} from a plugin, which must not break the line. */
    private static Attribute attribute(String line) {
        if (line.isEmpty() || line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new RtspException(RtspStatus.INTERNAL_SERVER_ERROR, "a keying plugin gave a malformed SDP attribute");
        }
        int colon = line.indexOf(':');
        return colon < 0 ? new Attribute(line, null) : new Attribute(line.substring(0, colon), line.substring(colon + 1));
    }

    /** SDP text fields end at a line break; a title must not inject lines. */
    private static String clean(String text) {
        String cleaned = text.replaceAll("[\\r\\n]", " ").strip();
        return cleaned.isEmpty() ? "Tributary" : cleaned;
    }
}
