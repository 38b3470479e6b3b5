package io.tributary.engine.session;

import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspRequest;
import io.tributary.rtsp.message.RtspVersion;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an RTSP 2.0 server tells a client about its session unasked (RFC 7826 §13.5, §13.7,
 * §18.52): that the media ended (PLAY_NOTIFY end-of-stream), that a live source restarted and
 * goes on (media-properties-update), and that the server ended the session (TEARDOWN with
 * {@code Terminate-Reason}). The server never changes a session's scale by itself, so it has no
 * scale-change to tell. RTSP 1.0 has no such requests: its clients
 * learn both from RTCP BYE, which is sent as well.
 */
public final class SessionNotices {
    private static final Logger LOG = LoggerFactory.getLogger(SessionNotices.class);

    private SessionNotices() {
    }

    /** PLAY_NOTIFY end-of-stream: the media ended at {@code endNpt} seconds. */
    public static void endOfStream(RtspSession session, double endNpt) {
        RtspSession.Notices notices = session.notices();
        if (session.version() != RtspVersion.RTSP_2_0 || notices == null) {
            return;
        }
        RtspRequest notify = RtspRequest.of("PLAY_NOTIFY", notices.url(), RtspVersion.RTSP_2_0, RtspHeaders.of(
                        RtspHeaders.NOTIFY_REASON, "end-of-stream"))
                .header(RtspHeaders.SESSION, session.id())
                .header(RtspHeaders.RANGE, String.format(Locale.ROOT, "npt=-%.3f", endNpt)); // where it ended
        if (notices.playCseq() != null) {
            notify = notify.header(RtspHeaders.REQUEST_STATUS, "cseq=" + notices.playCseq() + " status=200 reason=\"OK\"");
        }
        LOG.debug("{}: end of stream at npt {}", session.label(), endNpt);
        notices.connection().sendRequest(notify);
    }

    /**
     * PLAY_NOTIFY media-properties-update (RFC 7826 §13.5.2): the source restarted after an
     * interruption and the stream goes on; the media's properties and range as they are now.
     */
    public static void mediaPropertiesUpdate(RtspSession session, String properties, String mediaRange) {
        RtspSession.Notices notices = session.notices();
        if (session.version() != RtspVersion.RTSP_2_0 || notices == null) {
            return;
        }
        notices.connection().sendRequest(RtspRequest.of("PLAY_NOTIFY", notices.url(), RtspVersion.RTSP_2_0,
                        RtspHeaders.of(RtspHeaders.NOTIFY_REASON, "media-properties-update"))
                .header(RtspHeaders.SESSION, session.id())
                .header(RtspHeaders.MEDIA_PROPERTIES, properties)
                .header(RtspHeaders.MEDIA_RANGE, mediaRange)
                .header(RtspHeaders.RANGE, "npt=now-"));
    }

    /** TEARDOWN from the server, when it ends a session the client did not (RFC 7826 §13.7). */
    static void terminated(RtspSession session, SessionEndReason reason) {
        RtspSession.Notices notices = session.notices();
        String why = terminateReason(reason);
        if (session.version() != RtspVersion.RTSP_2_0 || notices == null || why == null) {
            return;
        }
        notices.connection().sendRequest(RtspRequest.of("TEARDOWN", notices.url(), RtspVersion.RTSP_2_0,
                RtspHeaders.of(RtspHeaders.SESSION, session.id())).header(RtspHeaders.TERMINATE_REASON, why));
    }

    /** RFC 7826 §18.52's reason for ending, or null when the client ended it or cannot be told. */
    static String terminateReason(SessionEndReason reason) {
        return switch (reason) {
            case TIMEOUT -> "Session-Timeout";
            case KICKED, SHUTDOWN -> "Server-Admin";
            case SOURCE_GONE, END_OF_STREAM, FORMAT_GONE, SLOW_READER, ERROR -> "Internal-Error";
            case TEARDOWN, CONNECTION_CLOSED, TRANSPORT_GONE -> null;
        };
    }
}
