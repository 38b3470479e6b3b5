package io.tributary.api.source;

import io.tributary.api.media.AccessUnit;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a live source delivers its media: the engine's stream of a path, which packetizes
 * each unit once and shares it with every reader.
 */
@ProviderType
public interface StreamPublisher {
    /** Delivers one access unit; never blocks. Units of a track arrive in decode order. */
    void publish(AccessUnit unit);

    /** Ends the stream: readers get RTCP BYE and the end of their session. */
    void end();
}
