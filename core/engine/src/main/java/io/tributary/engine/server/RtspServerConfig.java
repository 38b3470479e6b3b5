package io.tributary.engine.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the RTSP server (PID {@code io.tributary.engine.rtsp}). */
@ObjectClassDefinition(name = "Tributary RTSP server", description = "RTSP listener, sessions and limits")
public @interface RtspServerConfig {
    @AttributeDefinition(description = "TCP ports for RTSP, e.g. 554, 8554 (the well-known ports). A port that"
            + " cannot be bound (554 without privileges) is skipped with one log line saying why; the server fails"
            + " only when none can be")
    String ports() default "554, 8554";

    @AttributeDefinition(description = "Older single-port setting: when not 0, the server listens on this port"
            + " only and ports is ignored")
    int port() default 0;

    @AttributeDefinition(description = "Address to listen on; empty for all interfaces")
    String host() default "";

    @AttributeDefinition(description = "Seconds without a request or RTCP before a session ends")
    int sessionTimeoutSeconds() default 60;

    @AttributeDefinition(description = "Most sessions at once, server-wide")
    int maxSessions() default 10000;

    @AttributeDefinition(description = "Most sessions at once from one client address")
    int maxSessionsPerClient() default 2000;

    @AttributeDefinition(description = "Most RTSP connections at once, server-wide; more are closed at once")
    int maxConnections() default 20000;

    @AttributeDefinition(description = "Most RTSP connections at once from one client address; more are closed at once")
    int maxConnectionsPerClient() default 1000;

    @AttributeDefinition(description = "Seconds a connection without a session may stay silent before it is closed")
    int idleConnectionSeconds() default 60;

    @AttributeDefinition(description = "Seconds a request may take to arrive once its first byte has (slow clients"
            + " get 408 and are disconnected)")
    int requestTimeoutSeconds() default 10;

    @AttributeDefinition(description = "Largest RTP payload in bytes (keep under the path MTU)")
    int maxPayloadSize() default 1400;

    @AttributeDefinition(description = "Memory for packetized samples shared between sessions, in MiB")
    int sampleCacheMegabytes() default 64;

    @AttributeDefinition(description = "Memory for finished RTP frames of files, sent as they are to every "
            + "reader at the same position, in MiB")
    int frameCacheMegabytes() default 64;

    @AttributeDefinition(description = "Seconds a live reader's send queue may stay full before it is disconnected"
            + " (until then it loses frames and restarts at the next keyframe)")
    int slowReaderSeconds() default 10;

    @AttributeDefinition(description = "Bytes a TCP connection may have queued before media to it is dropped,"
            + " in KiB; must hold the burst of a cached GOP for new readers to start without loss")
    int connectionQueueKilobytes() default 4096;

    @AttributeDefinition(description = "Memory per live stream for the frames since the last keyframe, in MiB,"
            + " so that new readers start at once")
    int gopCacheMegabytes() default 8;

    @AttributeDefinition(description = "Seconds authentication and authorization may take per request (an HTTP"
            + " authorization hook, a slow password hash) before the request gets 503")
    int authTimeoutSeconds() default 5;

    @AttributeDefinition(description = "Requests being authenticated at once, server-wide; more get 503")
    int maxAuthInProgress() default 64;

    @AttributeDefinition(description = "Requests being authenticated at once for one client address; more wait"
            + " for their turn (addresses take turns)")
    int maxAuthInProgressPerClient() default 8;

    @AttributeDefinition(description = "Requests waiting to be authenticated, server-wide; more get 503")
    int maxAuthWaiting() default 10000;

    @AttributeDefinition(description = "Failed logins from one address after which its answers are delayed"
            + " (0: never)")
    int loginFailuresBeforeDelay() default 5;

    @AttributeDefinition(description = "Failed logins from one address after which it is refused for"
            + " loginBlockSeconds (0: never)")
    int loginFailuresBeforeBlock() default 20;

    @AttributeDefinition(description = "Seconds an address stays refused after too many failed logins")
    int loginBlockSeconds() default 300;

    @AttributeDefinition(description = "Longest delay of an answer to an address with failed logins, in milliseconds")
    int loginMaxDelayMillis() default 4000;

    @AttributeDefinition(description = "Let RTSPS clients take plain RTP over UDP (their media then travels in the"
            + " clear beside an encrypted control connection); otherwise they get 461 and use RTP/AVP/TCP or SRTP")
    boolean plainUdpOverTls() default false;

    @AttributeDefinition(description = "I/O threads; 0 for one per core")
    int ioThreads() default 0;

    @AttributeDefinition(description = "Threads for blocking work (reading media files; sources are opened on virtual threads)")
    int blockingThreads() default 8;
}
