package io.tributary.client;

import java.util.Objects;

/**
 * Why a session ended.
 *
 * @param reason what ended it
 * @param cause  the failure behind it, or null for an orderly end (TEARDOWN, close)
 */
public record SessionEnd(Reason reason, RtspClientException cause) {

    public enum Reason {
        /** We sent TEARDOWN. */
        TEARDOWN,
        /** The caller closed the session without TEARDOWN. */
        CLOSED,
        /** The TCP connection could not be made. */
        CONNECT_FAILED,
        /** The server closed or reset the connection. */
        CONNECTION_CLOSED,
        /** A request was not answered in time. */
        RESPONSE_TIMEOUT,
        /** No RTP on any track for the media timeout while playing. */
        NO_MEDIA,
        /** Every track's sender left with an RTCP BYE. */
        RTCP_BYE,
        /** The server sent bytes that cannot be read as RTSP (or over a limit). */
        PROTOCOL_ERROR
    }

    public SessionEnd {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return cause == null ? reason.toString() : reason + " (" + cause.getMessage() + ")";
    }
}
