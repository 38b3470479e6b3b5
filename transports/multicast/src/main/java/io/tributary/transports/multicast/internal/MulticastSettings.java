package io.tributary.transports.multicast.internal;

/**
 * The configuration read into typed values, each checked: a bad value is one error that names
 * it, and no multicast, rather than a transport that fails at the first SETUP.
 *
 * @param ipv4      groups for IPv4 clients
 * @param ipv6      groups for IPv6 clients
 * @param ports     the groups' port pairs
 * @param ttl       time to live (hop limit) of every packet
 * @param via       the interface name, or empty for the routing table's choice
 * @param rules     which paths may or must be multicast
 */
record MulticastSettings(GroupRange ipv4, GroupRange ipv6, PortPairs ports, int ttl, String via, PathRules rules) {

    /** @throws IllegalArgumentException naming the bad setting */
    static MulticastSettings of(MulticastConfig config) {
        GroupRange ipv4 = setting("ipv4Range", () -> GroupRange.parse(config.ipv4Range(), false));
        GroupRange ipv6 = setting("ipv6Range", () -> GroupRange.parse(config.ipv6Range(), true));
        PortPairs ports = setting("portRange", () -> PortPairs.parse(config.portRange()));
        if (config.ttl() < 0 || config.ttl() > 255) {
            throw new IllegalArgumentException("ttl: " + config.ttl() + " is not 0..255");
        }
        PathRules rules = new PathRules(PathRules.patterns("paths", config.paths()),
                PathRules.patterns("multicastOnlyPaths", config.multicastOnlyPaths()),
                PathRules.patterns("vodPaths", config.vodPaths()));
        return new MulticastSettings(ipv4, ipv6, ports, config.ttl(), config.interface$().trim(), rules);
    }

    private static <T> T setting(String name, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
