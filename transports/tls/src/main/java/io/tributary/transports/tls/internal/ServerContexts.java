package io.tributary.transports.tls.internal;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/** Makes the server-side Netty {@link SslContext} that engines for new connections come from. */
final class ServerContexts {
    private ServerContexts() {
    }

    /**
     * @param protocols only TLS 1.2 and later ({@link TlsSettings#protocols})
     * @throws SSLException when the engine refuses the key or the protocols
     */
    static SslContext build(TlsMaterial material, List<String> protocols, SslProvider provider) throws SSLException {
        return SslContextBuilder.forServer(material.key(), material.chain().toArray(X509Certificate[]::new))
                .sslProvider(provider)
                .protocols(protocols)
                .build();
    }
}
