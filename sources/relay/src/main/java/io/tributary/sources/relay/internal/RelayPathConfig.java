package io.tributary.sources.relay.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One configured path (factory PID {@code io.tributary.path}; FileInstall reads the file
 * {@code etc/io.tributary.path-<name>.cfg} as the configuration {@code io.tributary.path~<name>}).
 * This bundle relays the paths whose
 * {@code source} is an {@code rtsp://} URL and leaves the others to the bundles they name.
 */
@ObjectClassDefinition(name = "Tributary path",
        description = "A path served by Tributary; with an rtsp:// source it is relayed from a camera or server")
public @interface RelayPathConfig {
    /** The factory PID of path configurations. */
    String FACTORY_PID = "io.tributary.path";

    @AttributeDefinition(description = "Path readers request, e.g. /cam1")
    String path();

    @AttributeDefinition(description = "Where the media comes from: an rtsp:// URL (rtsp://[user:password@]host[:port]/path)"
            + " to relay a camera or server")
    String source();

    @AttributeDefinition(description = "Connect to the source only while readers want the path (false: stay connected)")
    boolean onDemand() default true;

    @AttributeDefinition(description = "Seconds the source stays connected after the last reader left,"
            + " so that the next reader starts at once")
    int lingerSeconds() default 10;

    @AttributeDefinition(description = "How media comes from the source: RTP over the RTSP connection (tcp),"
            + " over UDP (udp), or UDP falling back to TCP when UDP fails (automatic)",
            options = {@Option(label = "TCP", value = "tcp"), @Option(label = "UDP", value = "udp"),
                       @Option(label = "UDP, else TCP", value = "automatic")})
    String transport() default "tcp";

    @AttributeDefinition(description = "User name at the source, when the URL carries none", required = false)
    String user() default "";

    @AttributeDefinition(description = "Password at the source, when the URL carries none", required = false,
            type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Seconds before the first retry after the source failed or was lost;"
            + " each further failure doubles the wait (with jitter)")
    int reconnectMinSeconds() default 1;

    @AttributeDefinition(description = "Longest wait in seconds between two retries")
    int reconnectMaxSeconds() default 30;

    @AttributeDefinition(description = "Seconds to connect to the source (name lookup included)")
    int connectTimeoutSeconds() default 5;

    @AttributeDefinition(description = "Seconds the source has to answer a request")
    int responseTimeoutSeconds() default 10;

    @AttributeDefinition(description = "Seconds without media after which the source counts as lost")
    int noMediaTimeoutSeconds() default 10;
}
