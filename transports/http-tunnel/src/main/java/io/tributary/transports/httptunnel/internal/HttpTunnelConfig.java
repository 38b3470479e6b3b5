package io.tributary.transports.httptunnel.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of RTSP over HTTP (PID {@code io.tributary.transports.httptunnel}). */
@ObjectClassDefinition(name = "Tributary RTSP over HTTP",
        description = "RTSP and its media tunnelled through an HTTP GET and POSTs (rtsph://, QuickTime, VLC),"
                + " recognised on the RTSP port and, optionally, on a port of its own")
public @interface HttpTunnelConfig {
    String PID = "io.tributary.transports.httptunnel";

    @AttributeDefinition(description = "Port where only RTSP over HTTP is spoken (8088 is usual; 80 needs the right"
            + " to bind it); 0 for none. Default: 0")
    int port() default 0;

    @AttributeDefinition(description = "Also accept RTSP over HTTP on the RTSP port, told apart from plain RTSP by"
            + " the first bytes a client sends (GET or POST). Default: true")
    boolean shared() default true;

    @AttributeDefinition(description = "Seconds a tunnel's GET waits for its first POST, and a POST for its GET;"
            + " also the most a request head may take to arrive. Default: 10")
    int pairingTimeoutSeconds() default 10;

    @AttributeDefinition(description = "Most tunnels (and POSTs waiting for their GET) at once, server-wide."
            + " Default: 10000")
    int maxTunnels() default 10000;

    @AttributeDefinition(description = "Most tunnels (and POSTs waiting for their GET) at once from one client"
            + " address. Default: 100")
    int maxTunnelsPerClient() default 100;
}
