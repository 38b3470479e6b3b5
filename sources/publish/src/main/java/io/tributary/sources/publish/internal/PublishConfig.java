package io.tributary.sources.publish.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of publishing (PID {@code io.tributary.sources.publish}). */
@ObjectClassDefinition(name = "Tributary publishing",
        description = "Paths that RTSP clients publish to with ANNOUNCE and RECORD")
public @interface PublishConfig {
    @AttributeDefinition(description = "Regular expression the path must match to be published to"
            + " (e.g. /live/.*); paths served by files cannot be published to")
    String allowedPaths() default "/.+";

    @AttributeDefinition(description = "Seconds a path waits for its publisher to come back before its readers"
            + " get the end of the stream")
    int graceSeconds() default 10;

    @AttributeDefinition(description = "Most published paths at once")
    int maxPaths() default 1000;
}
