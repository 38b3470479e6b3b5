package io.tributary.transports.tls.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Compares the JDK's SSLEngine with Netty's OpenSSL (BoringSSL) engine, both ends of the same
 * kind, TLS 1.3, in memory (no sockets, so the numbers are the engines' CPU cost):
 * <ol>
 *   <li>full handshakes per second (EC P-256 and RSA 2048 certificates), and the time spent in the
 *       server engine per handshake (the client's certificate check is not the server's cost);</li>
 *   <li>bulk: the server encrypts 1400-byte application writes (one RTP packet each) that the
 *       client decrypts: one record per write through the bare engine, and through Netty's
 *       {@link SslHandler} with 10 writes per flush, as the engine writes a frame's packets
 *       (the handler packs them into larger records).</li>
 * </ol>
 * Not a test: it asserts nothing. Each figure is the median of 3 runs after a warm-up, per CPU-second
 * of the benchmark thread; the server engine's own share is timed around its calls. Run with
 * the test class path, e.g. {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * io.tributary.transports.tls.internal.TlsEngineBenchmark}.
 */
public final class TlsEngineBenchmark {
    private static final int PACKET = 1400;
    private static final long RUN_NANOS = 2_000_000_000L;
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final String SUITE = "TLS_AES_128_GCM_SHA256";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TlsEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Java %s, %d cores; OpenSSL: %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                OpenSsl.isAvailable() ? OpenSsl.versionString() : "unavailable: " + OpenSsl.unavailabilityCause());
        TlsMaterial ec = DevelopmentCertificate.generate(DevelopmentCertificate.names(null, List.of()), Instant.now());
        KeyPair rsaPair = TestPki.rsa();
        TlsMaterial rsa = new TlsMaterial(rsaPair.getPrivate(), List.of(TestPki.selfSigned("CN=localhost", rsaPair)));
        for (SslProvider provider : List.of(SslProvider.JDK, SslProvider.OPENSSL)) {
            for (TlsMaterial material : List.of(ec, rsa)) {
                Pair pair = new Pair(material, provider);
                System.out.printf("%-7s %-3s handshakes: %s%n", provider, material.key().getAlgorithm(),
                        pair.handshakesPerSecond());
            }
            Pair pair = new Pair(ec, provider);
            System.out.printf("%-7s bulk, one record per 1400-byte write (engine): %s%n", provider, pair.engineBulk());
            System.out.printf("%-7s bulk, 10 writes of 1400 bytes per flush (SslHandler): %s%n", provider,
                    pair.handlerBulk());
        }
    }

    /** A server context of the kind under test and a client of the same kind that trusts it. */
    private static final class Pair {
        final SslContext server;
        final SslContext client;

        Pair(TlsMaterial material, SslProvider provider) throws SSLException {
            server = ServerContexts.build(material, List.of("TLSv1.3"), provider);
            client = SslContextBuilder.forClient().sslProvider(provider).protocols("TLSv1.3").ciphers(List.of(SUITE))
                    .trustManager(material.certificate()).build();
        }

        String handshakesPerSecond() throws SSLException {
            String[] suite = new String[1];
            measure(WARMUP_NANOS, () -> handshake(suite));
            double[] perSecond = new double[3];
            double[] serverMicros = new double[3];
            for (int run = 0; run < 3; run++) {
                long[] serverNanos = new long[1];
                long start = cpuNanos();
                long count = measure(RUN_NANOS, () -> serverNanos[0] += handshake(suite));
                perSecond[run] = count * 1e9 / (cpuNanos() - start);
                serverMicros[run] = serverNanos[0] / 1e3 / count;
            }
            return String.format(Locale.ROOT, "%.0f/s both ends (runs %s); server side %.0f µs each, i.e. %.0f/s"
                    + " per core (runs %s; %s)", median(perSecond), runs(perSecond, "%.0f"), median(serverMicros),
                    1e6 / median(serverMicros), runs(serverMicros, "%.0f"), suite[0]);
        }

        /** One full handshake; returns the nanoseconds spent in the server engine. */
        private long handshake(String[] suite) throws SSLException {
            SSLEngine c = client.newEngine(ByteBufAllocator.DEFAULT, "localhost", 322);
            SSLEngine s = server.newEngine(ByteBufAllocator.DEFAULT, "127.0.0.1", 50000);
            long serverNanos = new Loop(c, s).handshake();
            suite[0] = s.getSession().getCipherSuite();
            close(c);
            close(s);
            return serverNanos;
        }

        String engineBulk() throws SSLException {
            Loop loop = new Loop(client.newEngine(ByteBufAllocator.DEFAULT, "localhost", 322),
                    server.newEngine(ByteBufAllocator.DEFAULT, "127.0.0.1", 50000));
            loop.handshake();
            ByteBuffer packet = Loop.buffer(loop.server, PACKET);
            measure(WARMUP_NANOS, () -> loop.record(packet.clear()));
            double[] megabytes = new double[3];
            double[] serverMicros = new double[3];
            for (int run = 0; run < 3; run++) {
                loop.serverNanos = 0;
                long start = cpuNanos();
                long count = measure(RUN_NANOS, () -> loop.record(packet.clear()));
                long elapsed = cpuNanos() - start;
                megabytes[run] = count * PACKET / (elapsed / 1e9) / 1e6;
                serverMicros[run] = loop.serverNanos / 1e3 / count;
            }
            return String.format(Locale.ROOT, "%.0f MB/s through both ends (runs %s); server encrypts one in %.2f µs"
                            + " (%.0f MB/s)", median(megabytes), runs(megabytes, "%.0f"), median(serverMicros),
                    PACKET / median(serverMicros));
        }

        String handlerBulk() throws Exception {
            EmbeddedChannel serverChannel = new EmbeddedChannel(
                    new SslHandler(server.newEngine(ByteBufAllocator.DEFAULT, "127.0.0.1", 50000)));
            EmbeddedChannel clientChannel = new EmbeddedChannel(
                    new SslHandler(client.newEngine(ByteBufAllocator.DEFAULT, "localhost", 322)));
            for (int round = 0; round < 20; round++) {
                pump(clientChannel, serverChannel);
                pump(serverChannel, clientChannel);
            }
            drain(clientChannel);
            drain(serverChannel);
            ByteBuf packet = Unpooled.directBuffer(PACKET).writeZero(PACKET);
            Bench frame = () -> {
                for (int i = 0; i < 10; i++) {
                    serverChannel.write(packet.retainedDuplicate());
                }
                serverChannel.flush();
                pump(serverChannel, clientChannel);
                drain(clientChannel);
            };
            measure(WARMUP_NANOS, frame);
            double[] megabytes = new double[3];
            for (int run = 0; run < 3; run++) {
                long start = cpuNanos();
                long count = measure(RUN_NANOS, frame);
                megabytes[run] = count * 10.0 * PACKET / ((cpuNanos() - start) / 1e9) / 1e6;
            }
            serverChannel.finishAndReleaseAll();
            clientChannel.finishAndReleaseAll();
            packet.release();
            return String.format(Locale.ROOT, "%.0f MB/s through both ends (runs %s)", median(megabytes),
                    runs(megabytes, "%.0f"));
        }
    }

    /** What one channel wrote goes into the other. */
    private static void pump(EmbeddedChannel from, EmbeddedChannel to) {
        for (Object out = from.readOutbound(); out != null; out = from.readOutbound()) {
            to.writeInbound(out);
        }
    }

    private static void drain(EmbeddedChannel channel) {
        for (Object in = channel.readInbound(); in != null; in = channel.readInbound()) {
            ((ByteBuf) in).release();
        }
    }

    /** Frees native state at once (OpenSSL) instead of when the collector finds the engine. */
    private static void close(SSLEngine engine) {
        engine.closeOutbound();
        try {
            engine.closeInbound();
        } catch (SSLException truncated) {
            // no close_notify came: fine for a benchmark
        }
    }

    /** A client and a server engine back to back; time spent in the server engine is added up. */
    private static final class Loop {
        private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
        final SSLEngine client;
        final SSLEngine server;
        final ByteBuffer toServer;
        final ByteBuffer toClient;
        final ByteBuffer clientIn;
        final ByteBuffer serverIn;
        long serverNanos;

        /** Buffers of the kind Netty's SslHandler gives each engine: heap for the JDK's, direct for OpenSSL. */
        Loop(SSLEngine client, SSLEngine server) {
            this.client = client;
            this.server = server;
            toServer = buffer(server, 1 << 17);
            toClient = buffer(server, 1 << 17);
            clientIn = buffer(server, 1 << 17);
            serverIn = buffer(server, 1 << 17);
        }

        static ByteBuffer buffer(SSLEngine kind, int size) {
            return kind.getClass().getName().contains("OpenSsl") ? ByteBuffer.allocateDirect(size)
                    : ByteBuffer.allocate(size);
        }

        long handshake() throws SSLException {
            client.beginHandshake();
            server.beginHandshake();
            boolean clientDone = false;
            boolean serverDone = false;
            for (int round = 0; !(clientDone && serverDone); round++) {
                if (round > 100) {
                    throw new SSLException("no end to the handshake");
                }
                clientDone |= done(client, client.wrap(EMPTY, toServer));
                long t = System.nanoTime();
                serverDone |= done(server, server.wrap(EMPTY, toClient));
                serverNanos += System.nanoTime() - t;
                toServer.flip();
                toClient.flip();
                clientDone |= done(client, client.unwrap(toClient, clientIn));
                t = System.nanoTime();
                serverDone |= done(server, server.unwrap(toServer, serverIn));
                serverNanos += System.nanoTime() - t;
                toServer.compact();
                toClient.compact();
            }
            clientIn.clear();
            serverIn.clear();
            return serverNanos;
        }

        /** The server encrypts {@code packet} as one record, the client decrypts it. */
        void record(ByteBuffer packet) throws SSLException {
            while (packet.hasRemaining()) {
                long t = System.nanoTime();
                SSLEngineResult wrapped = server.wrap(packet, toClient);
                serverNanos += System.nanoTime() - t;
                if (wrapped.getStatus() != SSLEngineResult.Status.OK) {
                    throw new SSLException("wrap: " + wrapped);
                }
            }
            toClient.flip();
            while (toClient.hasRemaining()) {
                SSLEngineResult unwrapped = client.unwrap(toClient, clientIn);
                if (unwrapped.getStatus() != SSLEngineResult.Status.OK || unwrapped.bytesConsumed() == 0) {
                    throw new SSLException("unwrap: " + unwrapped);
                }
            }
            toClient.clear();
            clientIn.clear();
        }

        private static boolean done(SSLEngine engine, SSLEngineResult result) {
            if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
            }
            return result.getHandshakeStatus() == HandshakeStatus.FINISHED
                    || engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
        }
    }

    @FunctionalInterface
    private interface Bench {
        void run() throws Exception;
    }

    /** Runs {@code bench} for about {@code nanos}; returns how many times. */
    private static long measure(long nanos, Bench bench) {
        long end = System.nanoTime() + nanos;
        long count = 0;
        try {
            while (System.nanoTime() < end) {
                bench.run();
                count++;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return count;
    }

    /**
     * CPU time of this thread: the machine is shared (builds of other modules run beside), so
     * rates are per CPU-second of the benchmark's own thread, not per wall-clock second.
     */
    private static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String runs(double[] values, String format) {
        List<String> parts = new ArrayList<>();
        for (double value : values) {
            parts.add(String.format(Locale.ROOT, format, value));
        }
        return String.join(", ", parts);
    }
}
