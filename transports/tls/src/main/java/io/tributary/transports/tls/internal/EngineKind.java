package io.tributary.transports.tls.internal;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import java.util.Locale;

/** Which TLS implementation makes the engines: the JDK's, or BoringSSL through netty-tcnative. */
enum EngineKind {
    /** OpenSSL when netty-tcnative loads, else the JDK's. */
    AUTO,
    JDK,
    OPENSSL;

    static EngineKind parse(String value) {
        String name = value == null ? "" : value.strip();
        for (EngineKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("engine: \"" + value + "\" is none of auto, jdk, openssl");
    }

    /**
     * The Netty provider this kind stands for here. {@link SslProvider#OPENSSL} (not the
     * reference-counted variant): its engines and contexts are freed when unreachable, so a
     * replaced context lives exactly as long as the connections that still use it.
     *
     * @throws IllegalStateException for {@link #OPENSSL} when netty-tcnative is not usable
     */
    SslProvider provider() {
        return switch (this) {
            case JDK -> SslProvider.JDK;
            case AUTO -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
            case OPENSSL -> {
                if (!OpenSsl.isAvailable()) {
                    throw new IllegalStateException("engine openssl is not available: " + whyNoOpenSsl());
                }
                yield SslProvider.OPENSSL;
            }
        };
    }

    /** For the log: which implementation, and for {@link #AUTO} on the JDK why not OpenSSL. */
    String describe(SslProvider provider) {
        if (provider == SslProvider.OPENSSL) {
            return "OpenSSL engine (" + OpenSsl.versionString() + ")";
        }
        String runtime = "JDK engine (Java " + Runtime.version().feature() + ")";
        return this == AUTO ? runtime + "; OpenSSL not used: " + whyNoOpenSsl() : runtime;
    }

    private static String whyNoOpenSsl() {
        Throwable cause = OpenSsl.unavailabilityCause();
        if (cause instanceof ClassNotFoundException || cause instanceof NoClassDefFoundError) {
            return "netty-tcnative is not installed";
        }
        return cause == null ? "unknown" : cause.toString();
    }
}
