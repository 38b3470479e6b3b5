package io.tributary.engine.path;

import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.engine.handler.SdpPayloadTypes;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Locale;

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
        String family = server.getAddress() instanceof Inet6Address ? "IP6" : "IP4";
        String address = server.getAddress().getHostAddress();
        StringBuilder sdp = new StringBuilder(512)
                .append("v=0\r\n")
                .append("o=- ").append(System.currentTimeMillis()).append(" 1 IN ").append(family).append(' ')
                .append(address).append("\r\n")
                .append("s=").append(clean(media.title())).append("\r\n")
                .append("c=IN ").append(family).append(' ').append(family.equals("IP6") ? "::" : "0.0.0.0").append("\r\n")
                .append("t=0 0\r\n")
                .append("a=tool:Tributary\r\n")
                .append("a=control:*\r\n")
                .append("a=range:").append(range(media)).append("\r\n");
        for (TrackDescription track : media.tracks()) {
            String encoding = track.encoding().name();
            PayloadFormat format = formats.get(encoding).orElseThrow(() -> new RtspException(
                    RtspStatus.SERVICE_UNAVAILABLE, "no payload format installed for " + encoding));
            int payloadType = SdpPayloadTypes.of(track.index());
            SdpAttributes attributes;
            try {
                attributes = format.describe(track, payloadType);
            } catch (IllegalArgumentException e) {
                throw new RtspException(RtspStatus.SERVICE_UNAVAILABLE,
                        "track " + track.index() + " (" + encoding + ") cannot be described: " + e.getMessage());
            }
            sdp.append("m=").append(track.type().sdpName()).append(" 0 RTP/AVP ").append(payloadType).append("\r\n");
            if (track.bitrate() > 0) {
                sdp.append("b=AS:").append((track.bitrate() + 999) / 1000).append("\r\n");
            }
            sdp.append("a=rtpmap:").append(payloadType).append(' ').append(attributes.rtpmap()).append("\r\n");
            if (!attributes.fmtp().isEmpty()) {
                sdp.append("a=fmtp:").append(payloadType).append(' ').append(attributes.fmtp()).append("\r\n");
            }
            if (track.width() > 0 && track.height() > 0) {
                sdp.append("a=framesize:").append(payloadType).append(' ').append(track.width()).append('-')
                        .append(track.height()).append("\r\n");
            }
            sdp.append("a=control:trackID=").append(track.index()).append("\r\n");
        }
        return sdp.toString();
    }

    private static String range(MediaDescription media) {
        if (media.seekable()) {
            return String.format(Locale.ROOT, "npt=0-%.3f", media.duration().toNanos() / 1e9);
        }
        return "npt=0-";
    }

    /** SDP text fields end at a line break; a title must not inject lines. */
    private static String clean(String text) {
        String cleaned = text.replaceAll("[\\r\\n]", " ").strip();
        return cleaned.isEmpty() ? "Tributary" : cleaned;
    }
}
