package io.tributary.api.transport;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The request side of an RTSP connection whose bytes arrive by another way than its own socket
 * (RTSP over HTTP: base64 in the bodies of POST requests), see {@link ControlConnection#carryRtsp()}.
 */
@ProviderType
public interface RtspInput {
    /**
     * Feeds RTSP bytes, split anywhere, in order. May be called from any thread; the bytes are
     * copied before the call returns.
     *
     * @return {@code false} when they were not taken: the RTSP connection is closed, or more than
     *         a bounded amount is waiting to be read (the feeder should close its source)
     */
    boolean feed(ByteBuffer bytes);

    /** {@code true} while the RTSP connection is open. */
    boolean isOpen();
}
