package io.tributary.engine.handler;

import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.source.PublishTarget;
import io.tributary.api.transport.MediaKeying;
import io.tributary.api.transport.MediaTransport;
import io.tributary.api.transport.TransportPolicy;
import io.tributary.engine.path.PathRegistry;
import io.tributary.engine.path.SdpBuilder;
import io.tributary.engine.path.Whiteboard;
import io.tributary.engine.session.SessionManager;
import io.tributary.engine.vod.VodFrames;
import java.util.concurrent.Executor;

/**
 * The server-wide services method handlers work with.
 *
 * @param sessions       session pool
 * @param paths          path → shared source
 * @param formats        payload formats by encoding name
 * @param transports     media transports by profile key
 * @param policies       rules on which transports may carry a path's media
 * @param keyings        how the keys of secure profiles reach clients, by profile (RTP/SAVP)
 * @param publishTargets services that accept published media, in ranking order
 * @param vod            file samples as frames shared between sessions
 * @param sdp            SDP for a path
 * @param blocking       executor for calls into plugins that may block
 * @param maxPayloadSize largest RTP payload to produce
 * @param slowReaderNanos how long a live reader's queue may stay full before it is disconnected
 * @param plainUdpOverTls whether RTSPS sessions may take plain RTP over UDP (media in the clear
 *                        beside an encrypted control connection)
 */
public record Engine(SessionManager sessions, PathRegistry paths, Whiteboard<PayloadFormat> formats,
                     Whiteboard<MediaTransport> transports, Whiteboard<TransportPolicy> policies,
                     Whiteboard<MediaKeying> keyings,
                     Whiteboard<PublishTarget> publishTargets,
                     VodFrames vod, SdpBuilder sdp, Executor blocking, int maxPayloadSize,
                     long slowReaderNanos, boolean plainUdpOverTls) {
}
