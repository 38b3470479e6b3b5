package io.tributary.api.auth;

import java.net.InetSocketAddress;
import org.osgi.annotation.versioning.ProviderType;

/** The request being authenticated, as schemes see it. */
@ProviderType
public interface AuthContext {
    /** RTSP method, e.g. {@code DESCRIBE} (Digest hashes it). */
    String method();

    /** Request URI exactly as on the request line (Digest hashes it). */
    String uri();

    /** The client's address. */
    InetSocketAddress remoteAddress();

    /** The server address the client connected to. */
    InetSocketAddress localAddress();

    /** {@code true} when the control connection is encrypted (RTSPS). */
    boolean secure();

    /** How the request arrived: {@code rtsp}, {@code rtsps} (RTSP over TLS), or a later protocol's name. */
    String protocol();

    /**
     * The installed credential stores as one: each question goes to the stores in service
     * ranking order until one knows the user. Schemes check credentials against it.
     */
    CredentialStore credentials();
}
