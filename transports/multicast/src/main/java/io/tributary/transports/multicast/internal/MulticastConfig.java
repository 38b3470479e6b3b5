package io.tributary.transports.multicast.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of RTP over multicast (PID {@code io.tributary.transports.multicast}). */
@ObjectClassDefinition(name = "Tributary RTP/UDP multicast transport",
        description = "Live paths sent once to a multicast group that every reader joins (RFC 2326 §12.39"
                + " multicast), instead of once per reader")
public @interface MulticastConfig {
    String PID = "io.tributary.transports.multicast";

    @AttributeDefinition(description = "Serve multicast SETUPs (Transport: RTP/AVP;multicast). Off: clients asking"
            + " only for multicast get 461, and no path is multicast-only. Default: true")
    boolean enabled() default true;

    @AttributeDefinition(description = "Groups for clients connected over IPv4, as address/prefix. 239.255.0.0/16"
            + " is the site-local scope (RFC 2365): routers do not forward it off site. Default: 239.255.0.0/16")
    String ipv4Range() default "239.255.0.0/16";

    @AttributeDefinition(description = "Groups for clients connected over IPv6, as address/prefix (ff15:: is"
            + " site-local, transient). Default: ff15::/64")
    String ipv6Range() default "ff15::/64";

    @AttributeDefinition(description = "RTP ports of the groups, first-last (even ports; RTCP is the next port)."
            + " Each group gets its own address and its own port pair, so at most as many groups as pairs"
            + " (and addresses) are in use at once. Default: 20000-29998")
    String portRange() default "20000-29998";

    @AttributeDefinition(description = "Time to live (IPv6: hop limit) of the packets: 1 keeps them on the"
            + " local network; a client asking for more gets this. Default: 1")
    int ttl() default 1;

    @AttributeDefinition(name = "Interface", description = "Name of the network interface to send on and"
            + " receive receiver reports from (e.g. eth1); empty: the routing table decides. Default: empty")
    String interface$() default "";

    @AttributeDefinition(description = "Live paths that may be multicast when a client asks for it: patterns"
            + " where * is one path segment and ** any number (/live/*, /cams/**), comma-separated."
            + " Default: /**")
    String[] paths() default {"/**"};

    @AttributeDefinition(description = "Paths served only by multicast (IPTV style): other transports are"
            + " refused with 461 and a reason that names multicast. Same patterns. Default: none")
    String[] multicastOnlyPaths() default {};

    @AttributeDefinition(description = "Files that may be multicast: each such session gets a group of its own,"
            + " since its timeline is its own. Same patterns. Default: none")
    String[] vodPaths() default {};
}
