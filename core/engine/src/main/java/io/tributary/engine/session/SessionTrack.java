package io.tributary.engine.session;

import io.tributary.api.transport.MediaTransport;
import io.tributary.api.transport.TransportBinding;

/**
 * One set-up track of a session: the transport binding it sends through and the service
 * that made it (so the session can end when that service goes away).
 *
 * @param index     track index in the media
 * @param binding   the transport binding
 * @param transport the transport service that bound it
 * @param ssrc      the SSRC the session sends this track with
 * @param context   the engine's side of the binding (RTCP coming back)
 */
public record SessionTrack(int index, TransportBinding binding, MediaTransport transport, long ssrc,
                           SessionTransportContext context) {
}
