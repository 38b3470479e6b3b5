package io.tributary.auth.basic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of Basic authentication: the shared PID {@code io.tributary.auth} (the realm,
 * which Digest uses too) merged with PID {@code io.tributary.auth.basic}. Designates its own
 * PID: DS's {@code @Designate} takes one PID, and the component merges two.
 */
@ObjectClassDefinition(pid = "io.tributary.auth.basic", name = "Tributary Basic authentication",
        description = "HTTP Basic (RFC 7617) for RTSP clients")
public @interface BasicConfig {
    @AttributeDefinition(description = "Protection realm, normally set in the shared PID io.tributary.auth")
    String realm() default "Tributary";

    @AttributeDefinition(description = "Offer and accept Basic on unencrypted connections too. Basic sends the"
            + " password in clear, so by default it is only offered over TLS (RTSPS)")
    boolean allowWithoutTls() default false;
}
