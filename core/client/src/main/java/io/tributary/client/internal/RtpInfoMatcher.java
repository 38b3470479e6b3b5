package io.tributary.client.internal;

import io.tributary.client.Track;
import io.tributary.rtsp.header.RtpInfo;
import io.tributary.rtsp.message.RtspException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a PLAY reply's {@code RTP-Info} as cameras write it and says which entry belongs to
 * which track. Tolerated: spaces around {@code ;} {@code ,} and {@code =}, missing
 * {@code seq} or {@code rtptime}, absolute or relative URLs, URLs that differ from the
 * control URL by a trailing slash or the default port. An unreadable header yields nothing
 * rather than failing PLAY: the timestamps are a help for sync, not a requirement.
 */
public final class RtpInfoMatcher {
    private RtpInfoMatcher() {
    }

    /** Entries by track index; empty when the header is absent or unreadable. */
    public static Map<Integer, RtpInfo> match(String header, String baseUrl, List<Track> tracks) {
        if (header == null || header.isBlank() || tracks.isEmpty()) {
            return Map.of();
        }
        List<RtpInfo> entries;
        try {
            entries = RtpInfo.parse(tidy(header));
        } catch (RtspException | IllegalArgumentException e) {
            return Map.of();
        }
        Map<Integer, RtpInfo> byTrack = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            RtpInfo entry = entries.get(i);
            Track track = find(entry.url(), baseUrl, tracks);
            if (track == null && entries.size() == tracks.size()) {
                track = tracks.get(i); // same count, no URL match: servers list tracks in SDP order
            }
            if (track != null) {
                byTrack.putIfAbsent(track.index(), entry);
            }
        }
        return Map.copyOf(byTrack);
    }

    private static Track find(String url, String baseUrl, List<Track> tracks) {
        String resolved = ControlUrls.resolve(baseUrl, url);
        for (Track t : tracks) {
            if (ControlUrls.same(t.controlUrl(), resolved) || ControlUrls.same(t.controlUrl(), url)) {
                return t;
            }
        }
        // relative to another base than ours, or the control with the query moved: compare the last segment
        String tail = lastSegment(url);
        Track found = null;
        for (Track t : tracks) {
            if (!tail.isEmpty() && lastSegment(t.controlUrl()).equals(tail)) {
                if (found != null) {
                    return null; // ambiguous
                }
                found = t;
            }
        }
        return found;
    }

    /** The last path segment without query, e.g. {@code trackID=1}. */
    static String lastSegment(String url) {
        String u = url;
        int q = u.indexOf('?');
        if (q >= 0) {
            // "…/s?x=1/trackID=1" (ffmpeg style) keeps the segment after the query
            int slashAfter = u.indexOf('/', q);
            u = slashAfter >= 0 ? u.substring(slashAfter) : u.substring(0, q);
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        int slash = u.lastIndexOf('/');
        return slash < 0 ? u : u.substring(slash + 1);
    }

    /** Drops whitespace around the separators, which RtpInfo's grammar does not allow. */
    static String tidy(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        String h = header.trim();
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (Character.isWhitespace(c)) {
                int j = i;
                while (j < h.length() && Character.isWhitespace(h.charAt(j))) {
                    j++;
                }
                char next = j < h.length() ? h.charAt(j) : ';';
                char prev = sb.isEmpty() ? ';' : sb.charAt(sb.length() - 1);
                if (";,=".indexOf(next) < 0 && ";,=".indexOf(prev) < 0) {
                    sb.append(' ');
                }
                i = j - 1;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
