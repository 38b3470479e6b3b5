package io.tributary.api.transport;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A listener's side of a connection it handles itself ({@link ControlLayer.Handled}). Every
 * call comes on the connection's I/O thread, one at a time, and must not block.
 */
@ConsumerType
public interface ConnectionHandler {
    /** The connection is the listener's; {@link #received} follows with the first bytes. */
    void opened(ControlConnection connection);

    /**
     * Bytes the client sent, in order, split anywhere. The buffer is valid only during the call.
     * Not called any more once the connection carries RTSP.
     */
    void received(ByteBuffer bytes);

    /** The connection closed (either side); called once, also after it carried RTSP. */
    void closed();
}
