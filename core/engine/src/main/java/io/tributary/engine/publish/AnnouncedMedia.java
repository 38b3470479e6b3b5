package io.tributary.engine.publish;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.engine.path.Whiteboard;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.sdp.RtpMap;
import io.tributary.rtsp.sdp.SdpMedia;
import io.tributary.rtsp.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a publisher's SDP into the tracks of a path: each RTP media section becomes a
 * track described by the payload format of its encoding (which reads the {@code fmtp}).
 * Anything that cannot be published is refused with the reason.
 */
public final class AnnouncedMedia {
    static final int MAX_TRACKS = 8;

    private AnnouncedMedia() {
    }

    /**
     * @param payloadTypes receives the publisher's payload type of each track, in track order
     * @throws RtspException 400 for unusable SDP, 503 when an encoding has no payload format
     */
    public static MediaDescription describe(SessionDescription sdp, Whiteboard<PayloadFormat> formats,
                                     List<Integer> payloadTypes) {
        List<TrackDescription> tracks = new ArrayList<>();
        for (SdpMedia media : sdp.media()) {
            if (!media.protocol().toUpperCase(Locale.ROOT).startsWith("RTP/")) {
                throw new RtspException(RtspStatus.BAD_REQUEST, "SDP: media over " + media.protocol()
                        + " cannot be published; use RTP/AVP");
            }
            if (tracks.size() == MAX_TRACKS) {
                throw new RtspException(RtspStatus.BAD_REQUEST, "SDP: more than " + MAX_TRACKS + " media");
            }
            int payloadType = payloadType(media);
            RtpMap rtpmap = media.rtpmapOrStatic(payloadType);
            if (rtpmap == null) {
                throw new RtspException(RtspStatus.BAD_REQUEST,
                        "SDP: no a=rtpmap for payload type " + payloadType + " of m=" + media.type());
            }
            Encoding encoding = new Encoding(rtpmap.encoding(), rtpmap.clockRate(),
                    rtpmap.channels() == null ? 0 : rtpmap.channels());
            PayloadFormat format = formats.get(encoding.name()).orElseThrow(() -> new RtspException(
                    RtspStatus.SERVICE_UNAVAILABLE, "no payload format installed for " + encoding.name()));
            String fmtp = media.fmtp(payloadType);
            try {
                tracks.add(format.receivedTrack(tracks.size(), type(media.type()), encoding, fmtp == null ? "" : fmtp));
            } catch (IllegalArgumentException e) {
                throw new RtspException(RtspStatus.BAD_REQUEST, "SDP: " + encoding.name() + " track: " + e.getMessage());
            }
            payloadTypes.add(payloadType);
        }
        if (tracks.isEmpty()) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "SDP: no media to publish");
        }
        String title = sdp.sessionName() == null || sdp.sessionName().isBlank() ? "live" : sdp.sessionName();
        return new MediaDescription(title, tracks, null, false);
    }

    private static int payloadType(SdpMedia media) {
        if (media.formats().isEmpty()) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "SDP: m=" + media.type() + " has no payload type");
        }
        try {
            int pt = Integer.parseInt(media.formats().get(0));
            if (pt < 0 || pt > 127) {
                throw new NumberFormatException();
            }
            return pt;
        } catch (NumberFormatException e) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "SDP: bad payload type " + media.formats().get(0));
        }
    }

    private static MediaType type(String sdpType) {
        return switch (sdpType.toLowerCase(Locale.ROOT)) {
            case "video" -> MediaType.VIDEO;
            case "audio" -> MediaType.AUDIO;
            default -> MediaType.APPLICATION;
        };
    }
}
