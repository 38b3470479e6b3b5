package io.tributary.auth.digest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of Digest authentication: the shared PID {@code io.tributary.auth} (the realm,
 * which Basic uses too) merged with PID {@code io.tributary.auth.digest}.
 */
@ObjectClassDefinition(pid = "io.tributary.auth.digest", name = "Tributary Digest authentication",
        description = "HTTP Digest (RFC 7616) for RTSP clients")
public @interface DigestConfig {
    @AttributeDefinition(description = "Protection realm, normally set in the shared PID io.tributary.auth;"
            + " password hashes are bound to it, so changing it invalidates stored Digest hashes")
    String realm() default "Tributary";

    @AttributeDefinition(description = "Algorithms to challenge with, in the order they are sent (MD5, SHA-256,"
            + " MD5-sess, SHA-256-sess); answers with another hash function are refused. Keep MD5 last:"
            + " ffmpeg 5.1 answers only the last Digest challenge and gives up if it is SHA-256")
    String algorithms() default "SHA-256, MD5";

    @AttributeDefinition(description = "Seconds a nonce stays valid for answers with qop=auth (replays are"
            + " refused by nonce count)")
    int nonceLifetimeSeconds() default 300;

    @AttributeDefinition(description = "Seconds a nonce stays valid for answers without qop (RFC 2069 style,"
            + " as GStreamer's rtspsrc sends them), which cannot be protected against replay")
    int legacyNonceLifetimeSeconds() default 60;

    @AttributeDefinition(description = "Accept answers without qop (RFC 2069 style); needed by GStreamer")
    boolean allowLegacy() default true;
}
