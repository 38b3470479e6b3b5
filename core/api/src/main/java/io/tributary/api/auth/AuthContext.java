package io.tributary.api.auth;

import java.net.InetSocketAddress;
import org.osgi.annotation.versioning.ProviderType;

/** The request being authenticated. */
@ProviderType
public interface AuthContext {
    /** RTSP method, e.g. {@code DESCRIBE}. */
    String method();

    /** Request URI as sent (Digest hashes it). */
    String uri();

    InetSocketAddress remoteAddress();

    /** {@code true} when the control connection is encrypted (RTSPS). */
    boolean secure();
}
