package io.tributary.api.transport;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Future;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A control connection a listener handles itself. Its admission, limits and idle rules are the
 * engine's, as for any connection.
 */
@ProviderType
public interface ControlConnection {
    ConnectionInfo info();

    /** Writes bytes to the client as they are (copied before the call returns). */
    void write(ByteBuffer bytes);

    /**
     * Turns this connection into an RTSP connection whose requests come from elsewhere: from
     * now on the engine writes its responses and interleaved media to this connection as they
     * are, and reads requests (and interleaved data) from what is fed into the returned
     * input, as if the client had sent them here. Sessions and authentication are those of a
     * plain connection from {@link ConnectionInfo#remote()}; what the client still sends on this
     * connection itself is discarded. Once only.
     *
     * @throws IllegalStateException when called twice or after the connection closed
     */
    RtspInput carryRtsp();

    /** Runs {@code task} on the connection's I/O thread after {@code delay}, unless cancelled or closed first. */
    Future<?> schedule(Duration delay, Runnable task);

    /** Closes the connection; {@link ConnectionHandler#closed()} follows. */
    void close();
}
