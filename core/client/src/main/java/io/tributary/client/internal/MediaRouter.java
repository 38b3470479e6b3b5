package io.tributary.client.internal;

import io.tributary.client.MediaListener;
import io.tributary.client.MediaStats;
import io.tributary.rtsp.rtp.RtcpPacket;
import io.tributary.rtsp.rtp.RtcpParser;
import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes received RTP and RTCP to the listener by track, counts, remembers when RTP last
 * arrived (RTCP alone is not media), and notices when every track's sender said BYE. Confined to the session's event
 * loop (the counters are read from other threads, hence volatile with a single writer).
 */
final class MediaRouter {
    private static final Logger LOG = LoggerFactory.getLogger(MediaRouter.class);
    private static final int NONE = -1;

    private final MediaListener listener;
    private final Runnable onAllSendersLeft;
    /** Interleaved channel → {@code track << 1 | isRtcp}, or NONE. */
    private final int[] routes = new int[256];
    private final BitSet tracks = new BitSet();
    private final BitSet byes = new BitSet();
    private long lastMediaNanos = System.nanoTime();
    private boolean listenerFailed;

    private volatile long rtpPackets;
    private volatile long rtcpPackets;
    private volatile long dropped;
    private volatile long bytes;

    MediaRouter(MediaListener listener, Runnable onAllSendersLeft) {
        this.listener = listener;
        this.onAllSendersLeft = onAllSendersLeft;
        Arrays.fill(routes, NONE);
    }

    void addTrack(int track) {
        tracks.set(track);
    }

    /** Routes an interleaved channel pair to a track (replacing any earlier route of the track). */
    void route(int track, int rtpChannel, int rtcpChannel) {
        for (int c = 0; c < routes.length; c++) {
            if (routes[c] != NONE && routes[c] >> 1 == track) {
                routes[c] = NONE;
            }
        }
        routes[rtpChannel & 0xFF] = track << 1;
        if (rtcpChannel != rtpChannel) {
            routes[rtcpChannel & 0xFF] = track << 1 | 1;
        }
    }

    void onInterleaved(int channel, ByteBuffer payload) {
        int route = routes[channel & 0xFF];
        if (route == NONE) {
            dropped++;
            return;
        }
        if ((route & 1) == 0) {
            onRtp(route >> 1, payload);
        } else {
            onRtcp(route >> 1, payload);
        }
    }

    void onRtp(int track, ByteBuffer packet) {
        RtpHeader header = RtpHeader.parse(packet);
        if (header == null) {
            dropped++;
            return;
        }
        lastMediaNanos = System.nanoTime();
        rtpPackets++;
        bytes += packet.remaining();
        try {
            listener.onRtp(track, header, packet.asReadOnlyBuffer());
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
    }

    void onRtcp(int track, ByteBuffer packet) {
        rtcpPackets++;
        bytes += packet.remaining();
        try {
            listener.onRtcp(track, packet.asReadOnlyBuffer());
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
        for (RtcpPacket p : RtcpParser.parse(packet)) {
            if (p instanceof RtcpPacket.Bye && tracks.get(track) && !byes.get(track)) {
                byes.set(track);
                if (byes.equals(tracks)) {
                    onAllSendersLeft.run();
                }
            }
        }
    }

    void countDropped() {
        dropped++;
    }

    /** Media arrival resets the silence clock; so does (re)starting playback. */
    void resetSilence() {
        lastMediaNanos = System.nanoTime();
    }

    long lastMediaNanos() {
        return lastMediaNanos;
    }

    MediaStats stats() {
        return new MediaStats(rtpPackets, rtcpPackets, dropped, bytes);
    }

    private void listenerFailed(RuntimeException e) {
        // once at WARN so a broken listener is seen, then quietly: a log line per packet would flood
        if (!listenerFailed) {
            listenerFailed = true;
            LOG.warn("media listener threw; further failures are logged at debug", e);
        } else {
            LOG.debug("media listener threw", e);
        }
    }
}
