package io.tributary.client;

import io.tributary.rtsp.header.PlayRange;
import io.tributary.rtsp.header.RtpInfo;
import java.util.Map;

/**
 * What a PLAY (or RECORD) reply said.
 *
 * @param range   the {@code Range} served, or null when absent or unreadable
 * @param rtpInfo the {@code RTP-Info} entries matched to tracks, by track index; tracks the
 *                server did not describe (or described unreadably) are absent
 */
public record PlayResult(PlayRange range, Map<Integer, RtpInfo> rtpInfo) {
    public PlayResult {
        rtpInfo = Map.copyOf(rtpInfo);
    }
}
