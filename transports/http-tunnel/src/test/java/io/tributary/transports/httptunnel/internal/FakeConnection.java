package io.tributary.transports.httptunnel.internal;

import io.tributary.api.transport.ConnectionHandler;
import io.tributary.api.transport.ConnectionInfo;
import io.tributary.api.transport.ControlConnection;
import io.tributary.api.transport.RtspInput;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Future;

/**
 * A control connection as the engine's {@code HandledConnection} behaves towards its handler:
 * writes are kept, {@link #close()} calls {@code closed()} once, tasks of a closed connection do
 * not run, and {@link #carryRtsp()} gives a {@link FakeInput} that closes with the connection.
 */
final class FakeConnection implements ControlConnection {
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT = new java.util.concurrent.atomic.AtomicInteger(40000);
    private final FakeLoop loop;
    private final ConnectionInfo info;
    private final ConnectionHandler handler;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private FakeInput input;
    private boolean closed;

    private FakeConnection(FakeLoop loop, ConnectionInfo info, ConnectionHandler handler) {
        this.loop = loop;
        this.info = info;
        this.handler = handler;
    }

    /** A connection from {@code clientAddress} handled by {@code handler}, opened. */
    static FakeConnection open(FakeLoop loop, String clientAddress, boolean secure, ConnectionHandler handler) {
        try {
            InetAddress address = InetAddress.getByName(clientAddress);
            FakeConnection connection = new FakeConnection(loop, new ConnectionInfo(
                    new InetSocketAddress(address, NEXT_PORT.getAndIncrement()),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 554), secure), handler);
            handler.opened(connection);
            return connection;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(clientAddress, e);
        }
    }

    /** The client sends {@code text} (ASCII), as one read. */
    FakeConnection send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    FakeConnection send(byte[] bytes) {
        if (!closed) {
            handler.received(ByteBuffer.wrap(bytes).asReadOnlyBuffer());
        }
        return this;
    }

    /** The client sends {@code text} one byte per read. */
    FakeConnection trickle(String text) {
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            send(new byte[] {b});
        }
        return this;
    }

    /** The client closes its side. */
    void hangUp() {
        close();
    }

    String written() {
        return written.toString(StandardCharsets.ISO_8859_1);
    }

    boolean isClosed() {
        return closed;
    }

    /** The input of the RTSP connection this one carries, or null. */
    FakeInput input() {
        return input;
    }

    @Override
    public ConnectionInfo info() {
        return info;
    }

    @Override
    public void write(ByteBuffer bytes) {
        if (closed) {
            return;
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        written.writeBytes(copy);
    }

    @Override
    public RtspInput carryRtsp() {
        if (input != null || closed) {
            throw new IllegalStateException(input != null ? "already carries RTSP" : "closed");
        }
        input = new FakeInput();
        return input;
    }

    @Override
    public Future<?> schedule(Duration delay, Runnable task) {
        return loop.schedule(delay, () -> {
            if (!closed) {
                task.run();
            }
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (input != null) {
            input.close();
        }
        handler.closed();
    }
}
