package io.tributary.engine.handler;

import io.tributary.engine.session.RtspSession;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspStatus;

/**
 * 455 Method Not Valid in This State, with the {@code Allow} header RFC 2326 §11.3.6 asks for
 * (RFC 7826 §17.4.10): the methods the client's session (or a client without one) may send now,
 * so that it can recover.
 */
final class NotValidInState {
    private NotValidInState() {
    }

    /** The 455 for a request that {@code session} (null: none yet) cannot take now, and why. */
    static RtspException because(String reason, RtspSession session) {
        return new RtspException(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, reason,
                RtspHeaders.of(RtspHeaders.ALLOW, allowed(session)));
    }

    /**
     * 405 with {@code Allow} for a method the session was not set up for (RFC 2326 §11.3.1: "RECORD
     * although mode only specified PLAY", and PLAY on a session set up to record).
     */
    static RtspException notSetUpFor(String reason, RtspSession session) {
        return new RtspException(RtspStatus.METHOD_NOT_ALLOWED, reason,
                RtspHeaders.of(RtspHeaders.ALLOW, allowed(session)));
    }

    /** The methods valid for {@code session} in its state (RFC 2326 Appendix A), comma-separated. */
    static String allowed(RtspSession session) {
        if (session == null) {
            return "OPTIONS, DESCRIBE, ANNOUNCE, SETUP, GET_PARAMETER, SET_PARAMETER";
        }
        boolean publishes = session.recording() != null;
        boolean ready = session.state() == RtspSession.State.READY;
        if (publishes) {
            return ready ? "OPTIONS, SETUP, RECORD, TEARDOWN, GET_PARAMETER, SET_PARAMETER"
                    : "OPTIONS, RECORD, TEARDOWN, GET_PARAMETER, SET_PARAMETER";
        }
        if (session.tracks().isEmpty()) {
            return "OPTIONS, DESCRIBE, SETUP, TEARDOWN, GET_PARAMETER, SET_PARAMETER";
        }
        return ready ? "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER"
                : "OPTIONS, DESCRIBE, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER";
    }
}
