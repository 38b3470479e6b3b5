package io.tributary.api.transport;

import io.tributary.rtsp.header.TransportSpec;
import org.osgi.annotation.versioning.ConsumerType;

/** One track of one session bound to a transport. */
@ConsumerType
public interface TransportBinding {
    /** The spec to answer SETUP with: the chosen spec completed with server ports, channels, ssrc… */
    TransportSpec reply();

    /** Where the session sends this track's packets. */
    TrackSink sink();

    /** Releases ports and registrations. Idempotent; never throws. */
    void close();
}
