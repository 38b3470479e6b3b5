package io.tributary.api.transport;

import io.tributary.rtsp.header.TransportSpec;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Carries RTP/RTCP of one track for one session in the way a SETUP's {@code Transport}
 * spec asks. Register as an OSGi service with {@link #PROFILE} set to the spec's
 * {@link TransportSpec#profileKey()} (e.g. {@code RTP/AVP/UDP}, {@code RTP/AVP/TCP}).
 * When the service goes away, the engine ends the sessions bound through it.
 */
@ConsumerType
public interface MediaTransport {
    /** Service property: the transport profile key this service handles. */
    String PROFILE = "tributary.transport.profile";

    /**
     * Binds a track. Completes exceptionally with an
     * {@link io.tributary.rtsp.message.RtspException} (typically 461 Unsupported Transport,
     * 400 or 453) when the spec cannot be served. Must not block.
     */
    CompletionStage<TransportBinding> bind(TransportSpec requested, TransportContext context);
}
