package io.tributary.api.transport;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The RTSP connection a session was set up on, as seen by transports that carry media
 * inside it ({@code $}-framed interleaved data, RFC 2326 §10.12).
 */
@ProviderType
public interface ControlChannel {
    /**
     * Queues one interleaved frame on {@code channel} whose body is {@code header} followed by
     * {@code payload} (either may be empty). Not written until {@link #flush()}.
     *
     * @return {@code false} when dropped because the connection's send buffer is full
     */
    boolean writeInterleaved(int channel, ByteBuffer header, ByteBuffer payload);

    /**
     * Queues bytes already framed as interleaved data, such as {@link RtpFrame#interleaved(int)}:
     * one write for all packets of a frame. Not written until {@link #flush()}.
     *
     * @return {@code false} when the connection is closed
     */
    boolean writeFramed(ByteBuffer frames);

    /**
     * Queues {@code frame}'s packets framed for interleaved {@code channel}
     * ({@link RtpFrame#interleaved(int)}): one write, no copy; the frame is kept
     * ({@link RtpFrame#retain()}) until written. Not written until {@link #flush()}.
     *
     * @return {@code false} when the connection is closed
     */
    boolean writeFrame(RtpFrame frame, int channel);

    /** Writes queued frames. */
    void flush();

    /** {@code false} while the connection's send buffer is above its high-water mark. */
    boolean writable();

    /**
     * Routes frames the client sends on {@code channel} to {@code receiver} (on the
     * connection's I/O thread; the buffer is valid only during the call).
     *
     * @return {@code false} when the channel is already claimed on this connection
     */
    boolean claim(int channel, Consumer<ByteBuffer> receiver);

    /** Stops routing {@code channel}. */
    void release(int channel);

    /** Closes the connection (e.g. a client that stopped reading); its sessions end. */
    void close();

    /** {@code true} while the connection is open. */
    boolean isOpen();
}
