package io.tributary.transports.tls.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.tributary.api.transport.ConnectionInfo;
import io.tributary.api.transport.ControlLayer;
import io.tributary.api.transport.ControlListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real client over a real socket: a JDK {@link SSLSocket} that trusts only the server's
 * certificate connects to a small Netty server that does what the engine does (looks at the
 * first bytes, asks the listener, puts an {@link SslHandler} around the engine it returns)
 * and echoes what it reads inside TLS. With each engine kind: the test class path carries
 * netty-tcnative, so OpenSSL must load here.
 */
class RtspsHandshakeTest {
    private static final byte[] OPTIONS = "OPTIONS rtsps://127.0.0.1/ RTSP/1.0\r\nCSeq: 1\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private EventLoopGroup group;

    @AfterEach
    void stop() {
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** The engine's side, as far as TLS goes: detect, accept, decrypt, then echo what is inside. */
    private static final class Detecting extends ByteToMessageDecoder {
        private final ControlListener listener;

        Detecting(ControlListener listener) {
            this.listener = listener;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            switch (listener.detect(in.nioBuffer(in.readerIndex(), in.readableBytes()).asReadOnlyBuffer())) {
                case NEED_MORE -> {
                }
                case NO_MATCH -> ctx.close();
                case MATCH -> {
                    ControlLayer.Tls tls = (ControlLayer.Tls) listener.accept(new ConnectionInfo(
                            (InetSocketAddress) ctx.channel().remoteAddress(),
                            (InetSocketAddress) ctx.channel().localAddress(), false));
                    ctx.pipeline().addAfter(ctx.name(), "tls", new SslHandler(tls.engine()));
                    ctx.pipeline().addAfter("tls", "echo", new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext echo, Object message) {
                            echo.writeAndFlush(message);
                        }
                    });
                    ctx.pipeline().remove(this); // hands the bytes read so far to the SslHandler
                }
            }
        }
    }

    private static TlsMaterial material(String keyAlgorithm) {
        if (keyAlgorithm.equals("EC")) {
            return DevelopmentCertificate.generate(DevelopmentCertificate.names(null, List.of()), Instant.now());
        }
        KeyPair pair = TestPki.rsa();
        return new TlsMaterial(pair.getPrivate(), List.of(TestPki.selfSigned("CN=rtsp.example.com", pair)));
    }

    private int serve(TlsMaterial material, EngineKind kind, List<String> protocols) throws Exception {
        TlsListener listener = new TlsListener(ServerContexts.build(material, protocols, kind.provider()));
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast("detect", new Detecting(listener));
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Connects to 127.0.0.1 checking the certificate's name as HTTPS does (here: its IP address entry). */
    private static SSLSocket connect(int port, X509Certificate trusted, String... protocols) throws Exception {
        SSLSocket socket = (SSLSocket) EngineLoop.clientContext(trusted).getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(protocols);
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static byte[] echo(SSLSocket socket, byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        return in.readNBytes(data.length);
    }

    static Stream<Arguments> enginesAndKeys() {
        return Stream.of(EngineKind.JDK, EngineKind.OPENSSL)
                .flatMap(kind -> Stream.of(Arguments.of(kind, "EC"), Arguments.of(kind, "RSA")));
    }

    @ParameterizedTest(name = "{0} engine, {1} key")
    @MethodSource("enginesAndKeys")
    void jdkClientNegotiatesTls13AndExchangesRtspInsideIt(EngineKind kind, String keyAlgorithm) throws Exception {
        TlsMaterial material = material(keyAlgorithm);
        int port = serve(material, kind, TlsSettings.SUPPORTED_PROTOCOLS);
        try (SSLSocket socket = connect(port, material.certificate(), "TLSv1.3", "TLSv1.2")) {
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            assertEquals(material.certificate(), socket.getSession().getPeerCertificates()[0]);
            assertArrayEquals(OPTIONS, echo(socket, OPTIONS));
            byte[] large = new byte[100_000];
            new Random(7).nextBytes(large);
            assertArrayEquals(large, echo(socket, large), "several records both ways");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"JDK", "OPENSSL"})
    void tls12ClientIsServedWithTls12(EngineKind kind) throws Exception {
        TlsMaterial material = material("EC");
        int port = serve(material, kind, TlsSettings.SUPPORTED_PROTOCOLS);
        try (SSLSocket socket = connect(port, material.certificate(), "TLSv1.2")) {
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertArrayEquals(OPTIONS, echo(socket, OPTIONS));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"JDK", "OPENSSL"})
    void tls12ClientIsRefusedWhenOnlyTls13IsConfigured(EngineKind kind) throws Exception {
        TlsMaterial material = material("EC");
        int port = serve(material, kind, List.of("TLSv1.3"));
        assertThrows(IOException.class, () -> connect(port, material.certificate(), "TLSv1.2").close());
    }

    @ParameterizedTest
    @EnumSource(names = {"JDK", "OPENSSL"})
    void acceptedEnginesAreServersEnablingNothingOlderThanTls12(EngineKind kind) throws Exception {
        TlsListener listener = new TlsListener(ServerContexts.build(material("EC"), TlsSettings.SUPPORTED_PROTOCOLS,
                kind.provider()));
        SSLEngine engine = ((ControlLayer.Tls) listener.accept(new ConnectionInfo(
                new InetSocketAddress("192.0.2.1", 40000), new InetSocketAddress("127.0.0.1", 322), false))).engine();
        assertFalse(engine.getUseClientMode());
        // Netty's OpenSSL engine always lists SSLv2Hello: a ClientHello framing, not a protocol version, and
        // one that never gets here (detection needs a TLS record header).
        assertEquals(Set.of("TLSv1.3", "TLSv1.2"), Stream.of(engine.getEnabledProtocols())
                .filter(p -> !p.equals("SSLv2Hello")).collect(Collectors.toSet()));
        assertEquals("192.0.2.1", engine.getPeerHost());
        assertEquals(40000, engine.getPeerPort());
    }

    @Test
    void openSslLoadsFromTcnativeOnTheClassPathAndAutoPicksIt() {
        assertTrue(OpenSsl.isAvailable(), () -> "netty-tcnative does not load: " + OpenSsl.unavailabilityCause());
        assertEquals(SslProvider.OPENSSL, EngineKind.AUTO.provider());
        assertEquals(SslProvider.OPENSSL, EngineKind.OPENSSL.provider());
        assertEquals(SslProvider.JDK, EngineKind.JDK.provider());
        assertTrue(EngineKind.AUTO.describe(SslProvider.OPENSSL).startsWith("OpenSSL engine (BoringSSL"),
                EngineKind.AUTO.describe(SslProvider.OPENSSL));
    }
}
