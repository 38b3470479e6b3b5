package io.tributary.engine.handler;

import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.transport.MediaTransport;
import io.tributary.engine.path.PathRegistry;
import io.tributary.engine.path.SdpBuilder;
import io.tributary.engine.path.Whiteboard;
import io.tributary.engine.session.SessionManager;
import io.tributary.engine.vod.SampleCache;

/**
 * The server-wide services method handlers work with.
 *
 * @param sessions       session pool
 * @param paths          path → shared source
 * @param formats        payload formats by encoding name
 * @param transports     media transports by profile key
 * @param samples        shared packetized samples
 * @param sdp            SDP for a path
 * @param maxPayloadSize largest RTP payload to produce
 */
public record Engine(SessionManager sessions, PathRegistry paths, Whiteboard<PayloadFormat> formats,
                     Whiteboard<MediaTransport> transports, SampleCache samples, SdpBuilder sdp,
                     int maxPayloadSize) {
}
