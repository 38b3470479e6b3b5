package io.tributary.transports.tls.internal;

import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Two engines wired back to back in memory, no sockets: a client and a server engine
 * handshake by passing their records through buffers, as a connection would carry them.
 */
final class EngineLoop {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    final SSLEngine client;
    final SSLEngine server;
    final ByteBuffer clientToServer;
    final ByteBuffer serverToClient;
    final ByteBuffer clientApplication;
    final ByteBuffer serverApplication;

    EngineLoop(SSLEngine client, SSLEngine server) {
        this.client = client;
        this.server = server;
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int application = Math.max(client.getSession().getApplicationBufferSize(),
                server.getSession().getApplicationBufferSize());
        clientToServer = ByteBuffer.allocateDirect(4 * packet);
        serverToClient = ByteBuffer.allocateDirect(4 * packet);
        clientApplication = ByteBuffer.allocateDirect(4 * application);
        serverApplication = ByteBuffer.allocateDirect(4 * application);
    }

    /** A JDK client context that trusts exactly {@code trusted}. */
    static SSLContext clientContext(X509Certificate... trusted) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
            store.setCertificateEntry("trusted-" + i, trusted[i]);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** The certificate {@code server} presents to a JDK client that trusts {@code trusted}. */
    static X509Certificate servedCertificate(SSLEngine server, X509Certificate... trusted) throws Exception {
        SSLEngine client = clientContext(trusted).createSSLEngine("localhost", 322);
        client.setUseClientMode(true);
        new EngineLoop(client, server).handshake();
        return (X509Certificate) client.getSession().getPeerCertificates()[0];
    }

    /** Runs the handshake to its end on both sides. */
    void handshake() throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        boolean clientDone = false;
        boolean serverDone = false;
        for (int round = 0; !(clientDone && serverDone); round++) {
            if (round > 1000) {
                throw new SSLException("handshake does not end: client " + client.getHandshakeStatus() + ", server "
                        + server.getHandshakeStatus());
            }
            clientDone |= finished(client, client.wrap(EMPTY, clientToServer));
            serverDone |= finished(server, server.wrap(EMPTY, serverToClient));
            clientToServer.flip();
            serverToClient.flip();
            clientDone |= finished(client, client.unwrap(serverToClient, clientApplication));
            serverDone |= finished(server, server.unwrap(clientToServer, serverApplication));
            clientToServer.compact();
            serverToClient.compact();
        }
        clientApplication.clear();
        serverApplication.clear();
    }

    /** The server writes {@code data} (a post-handshake message such as a session ticket may go first); the client reads it. */
    void serverToClient(ByteBuffer data) throws SSLException {
        transfer(server, client, data, serverToClient, clientApplication);
    }

    /** The client writes {@code data}; the server reads it. */
    void clientToServer(ByteBuffer data) throws SSLException {
        transfer(client, server, data, clientToServer, serverApplication);
    }

    private static void transfer(SSLEngine from, SSLEngine to, ByteBuffer data, ByteBuffer wire, ByteBuffer received)
            throws SSLException {
        for (int records = 0; data.hasRemaining(); records++) {
            if (records > 16) {
                throw new SSLException("the engine does not take the data");
            }
            check(from.wrap(data, wire));
        }
        wire.flip();
        while (wire.hasRemaining()) {
            SSLEngineResult unwrapped = to.unwrap(wire, received);
            check(unwrapped);
            if (unwrapped.bytesConsumed() == 0) {
                break;
            }
        }
        wire.compact();
        received.clear();
    }

    private static void check(SSLEngineResult result) throws SSLException {
        if (result.getStatus() != SSLEngineResult.Status.OK) {
            throw new SSLException("unexpected " + result);
        }
    }

    private static boolean finished(SSLEngine engine, SSLEngineResult result) {
        HandshakeStatus status = result.getHandshakeStatus();
        while (status == HandshakeStatus.NEED_TASK) {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
            status = engine.getHandshakeStatus();
        }
        return result.getHandshakeStatus() == HandshakeStatus.FINISHED
                || engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
    }
}
