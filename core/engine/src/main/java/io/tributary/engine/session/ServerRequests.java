package io.tributary.engine.session;

import io.tributary.rtsp.message.RtspRequest;

/**
 * A control connection the server can send requests on (RTSP 2.0: PLAY_NOTIFY, TEARDOWN with
 * a {@code Terminate-Reason}). The connection numbers them with its own CSeq; the client's
 * responses are read and dropped. Any thread.
 */
public interface ServerRequests {
    /** Sends {@code request}, unless the connection has closed. */
    void sendRequest(RtspRequest request);
}
