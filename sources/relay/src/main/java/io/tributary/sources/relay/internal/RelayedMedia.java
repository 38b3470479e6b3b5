package io.tributary.sources.relay.internal;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.client.Description;
import io.tributary.client.Track;
import io.tributary.rtsp.sdp.RtpMap;
import io.tributary.rtsp.sdp.SdpMedia;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an upstream's DESCRIBE becomes: the path's media (the tracks a payload format service
 * can depacketize, renumbered from 0) and where each comes from. Tracks no service handles
 * are left out with the reason; an upstream with no usable track cannot be relayed.
 *
 * @param description the path's media as readers see it
 * @param tracks      the relayed tracks, in the path's track order
 * @param skipped     why other upstream tracks are left out, one line each
 */
record RelayedMedia(MediaDescription description, List<RelayedTrack> tracks, List<String> skipped) {
    /** More tracks than this are left out: the path's SDP stays small and interleaved channels few. */
    static final int MAX_TRACKS = 16;

    RelayedMedia {
        tracks = List.copyOf(tracks);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param formats the payload format service of an encoding name, if installed
     * @throws IOException when no track of the upstream can be relayed (the message says why)
     */
    static RelayedMedia of(String title, Description upstream, Function<String, Optional<PayloadFormat>> formats)
            throws IOException {
        List<RelayedTrack> tracks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Track track : upstream.tracks()) {
            String name = "track " + track.index() + " (m=" + track.media().type() + ")";
            if (tracks.size() == MAX_TRACKS) {
                skipped.add(name + ": more than " + MAX_TRACKS + " tracks");
                continue;
            }
            try {
                tracks.add(relayed(tracks.size(), track, formats));
            } catch (IllegalArgumentException e) {
                skipped.add(name + ": " + e.getMessage());
            }
        }
        if (tracks.isEmpty()) {
            throw new IOException("no track can be relayed" + (skipped.isEmpty() ? " (the SDP has no media)"
                    : ": " + String.join("; ", skipped)));
        }
        String sessionName = upstream.sdp().sessionName().strip();
        MediaDescription description = new MediaDescription(sessionName.isEmpty() ? title : sessionName,
                tracks.stream().map(RelayedTrack::description).toList(), null, false);
        return new RelayedMedia(description, tracks, skipped);
    }

    /** {@code true} when readers of one can go on reading the other: the same tracks, codec configurations included. */
    boolean sameTracks(RelayedMedia other) {
        return other != null && description.tracks().equals(other.description.tracks());
    }

    boolean uses(PayloadFormat format) {
        return tracks.stream().anyMatch(t -> t.format() == format);
    }

    /** Encoding names for logs: {@code H264, MPEG4-GENERIC}. */
    String encodings() {
        return String.join(", ", description.tracks().stream().map(t -> t.encoding().name()).toList());
    }

    private static RelayedTrack relayed(int index, Track track, Function<String, Optional<PayloadFormat>> formats) {
        SdpMedia media = track.media();
        // RTP/AVP and RTP/AVPF; RTP/SAVP carries encrypted payloads this relay cannot depacketize
        if (!media.protocol().toUpperCase(Locale.ROOT).startsWith("RTP/AVP")) {
            throw new IllegalArgumentException("media over " + media.protocol() + ", not RTP/AVP");
        }
        int payloadType = payloadType(media);
        RtpMap rtpmap = media.rtpmapOrStatic(payloadType);
        if (rtpmap == null) {
            throw new IllegalArgumentException("no a=rtpmap for payload type " + payloadType);
        }
        Encoding encoding = new Encoding(rtpmap.encoding(), rtpmap.clockRate(),
                rtpmap.channels() == null ? 0 : rtpmap.channels());
        PayloadFormat format = formats.apply(encoding.name()).orElseThrow(() -> new IllegalArgumentException(
                "no payload format installed for " + encoding.name()));
        String fmtp = media.fmtp(payloadType);
        TrackDescription description = format.receivedTrack(index, type(media.type()), encoding,
                fmtp == null ? "" : fmtp);
        if (description.index() != index) {
            throw new IllegalArgumentException("the " + encoding.name() + " payload format renumbered the track");
        }
        return new RelayedTrack(track, payloadType, format, description);
    }

    private static int payloadType(SdpMedia media) {
        if (media.formats().isEmpty()) {
            throw new IllegalArgumentException("no payload type");
        }
        try {
            int pt = Integer.parseInt(media.formats().getFirst());
            if (pt < 0 || pt > 127) {
                throw new NumberFormatException();
            }
            return pt;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad payload type " + media.formats().getFirst());
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
