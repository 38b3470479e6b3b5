package io.tributary.transports.udp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of RTP over UDP (PID {@code io.tributary.transports.udp}). */
@ObjectClassDefinition(name = "Tributary RTP/UDP transport",
        description = "Server ports shared by all UDP sessions")
public @interface UdpTransportConfig {
    @AttributeDefinition(description = "Server RTP port (even); RTCP uses the next port")
    int rtpPort() default 8000;

    @AttributeDefinition(description = "Address to bind; empty for all interfaces")
    String host() default "";

    @AttributeDefinition(description = "Let the kernel split each reader's frame into packets (UDP GSO) when it"
            + " can; turn off only to compare")
    boolean segmentation() default true;
}
