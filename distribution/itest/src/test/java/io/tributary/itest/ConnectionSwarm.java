package io.tributary.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Many client connections at once, from chosen loopback addresses, watched by one selector:
 * what each received and when the server closed it. For attacks that need hundreds or
 * thousands of connections (a thread each would be the test's bottleneck, not the server's).
 */
final class ConnectionSwarm implements AutoCloseable {

    /** One connection and what happened to it. Times are {@link System#nanoTime()}. */
    static final class Connection {
        final String from;
        final SocketChannel channel;
        final long openedNanos;
        /** When the test first sent something, or -1. */
        long firstSentNanos = -1;
        /** When the server closed it (EOF or reset), or -1 while it is open. */
        long closedNanos = -1;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();

        private Connection(String from, SocketChannel channel) {
            this.from = from;
            this.channel = channel;
            this.openedNanos = System.nanoTime();
        }

        boolean closed() {
            return closedNanos >= 0;
        }

        /** Seconds from {@code sinceNanos} to the server's close. */
        double closedAfter(long sinceNanos) {
            return (closedNanos - sinceNanos) / 1e9;
        }

        String text() {
            return received.toString(StandardCharsets.ISO_8859_1);
        }

        /** The status code of the first response received, or -1. */
        int status() {
            String text = text();
            if (!text.startsWith("RTSP/1.0 ") || text.length() < 12) {
                return -1;
            }
            try {
                return Integer.parseInt(text.substring(9, 12));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private final Selector selector;
    private final List<Connection> connections = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    ConnectionSwarm() throws IOException {
        selector = Selector.open();
    }

    /** Opens a connection from {@code from} to the server's {@code port} on 127.0.0.1. */
    Connection connect(String from, int port) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0); // no TIME_WAIT pile-up from thousands of closes
            channel.bind(new InetSocketAddress(from, 0));
            channel.connect(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
            Connection connection = new Connection(from, channel);
            channel.register(selector, SelectionKey.OP_READ, connection);
            connections.add(connection);
            return connection;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    List<Connection> connections() {
        return connections;
    }

    /** Sends what the socket takes without waiting; a connection the server reset counts as closed. */
    void send(Connection connection, byte[] bytes) {
        if (connection.closed()) {
            return;
        }
        if (connection.firstSentNanos < 0) {
            connection.firstSentNanos = System.nanoTime();
        }
        try {
            connection.channel.write(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            closed(connection);
        }
    }

    /** Reads whatever arrived within {@code millis}, noting closes. */
    void poll(long millis) throws IOException {
        if (selector.select(Math.max(1, millis)) == 0) {
            return;
        }
        for (SelectionKey key : selector.selectedKeys()) {
            Connection connection = (Connection) key.attachment();
            while (true) {
                buffer.clear();
                int n;
                try {
                    n = connection.channel.read(buffer);
                } catch (IOException e) {
                    n = -1;
                }
                if (n < 0) {
                    closed(connection);
                    key.cancel();
                    break;
                }
                if (n == 0) {
                    break;
                }
                connection.received.write(buffer.array(), 0, n);
            }
        }
        selector.selectedKeys().clear();
    }

    /** Polls until {@code done} or the time is up; whether {@code done} held. */
    boolean pollUntil(Duration timeout, BooleanSupplier done) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            poll(Math.min(left, 50));
        }
        return true;
    }

    long open() {
        return connections.stream().filter(c -> !c.closed()).count();
    }

    private static void closed(Connection connection) {
        if (connection.closedNanos < 0) {
            connection.closedNanos = System.nanoTime();
        }
    }

    @Override
    public void close() throws IOException {
        for (Connection connection : connections) {
            connection.channel.close();
        }
        selector.close();
    }
}
