package io.tributary.transports.tls.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of RTSPS (PID {@code io.tributary.transports.tls}). */
@ObjectClassDefinition(name = "Tributary RTSPS (TLS)",
        description = "RTSP over TLS (rtsps://): on a port of its own and, recognised by a client's first bytes,"
                + " on the RTSP port")
public @interface TlsConfig {
    String PID = "io.tributary.transports.tls";

    @AttributeDefinition(description = "Port where only RTSPS is spoken (322 is the rtsps port of RFC 7826; below"
            + " 1024 the server needs the right to bind it); 0 for none. Default: 322")
    int port() default 322;

    @AttributeDefinition(description = "Also accept TLS on the RTSP port, told apart from plain RTSP by the first"
            + " bytes a client sends. Default: true")
    boolean shared() default true;

    @AttributeDefinition(description = "The certificate chain (PEM, the server's certificate first, then its"
            + " intermediates), relative to the configuration folder. Default: tls/server.crt")
    String certificate() default "tls/server.crt";

    @AttributeDefinition(description = "The private key (PEM: PKCS#8, PKCS#1 RSA or SEC1 EC; not encrypted),"
            + " relative to the configuration folder. Default: tls/server.key")
    String privateKey() default "tls/server.key";

    @AttributeDefinition(description = "When neither file exists, create a self-signed development certificate"
            + " there (clients must be told to trust it). Default: true")
    boolean selfSigned() default true;

    @AttributeDefinition(description = "Extra DNS names and IP addresses for the development certificate, besides"
            + " localhost, 127.0.0.1, ::1 and this machine's host name. Default: none")
    String[] hostnames() default {};

    @AttributeDefinition(description = "TLS implementation: auto (OpenSSL when netty-tcnative is installed, else"
            + " the JDK's), jdk or openssl. Default: auto",
            options = {
                @Option(value = "auto", label = "auto: OpenSSL when available, else the JDK"),
                @Option(value = "jdk", label = "jdk: the JDK's SSLEngine"),
                @Option(value = "openssl", label = "openssl: BoringSSL through netty-tcnative")
            })
    String engine() default "auto";

    @AttributeDefinition(description = "TLS versions offered; nothing older than TLSv1.2 is ever enabled."
            + " Default: TLSv1.3, TLSv1.2")
    String[] protocols() default {"TLSv1.3", "TLSv1.2"};

    @AttributeDefinition(description = "How often (seconds) the certificate and key files are checked for changes;"
            + " a changed pair serves new connections. 0: never. Default: 5")
    int reloadSeconds() default 5;
}
