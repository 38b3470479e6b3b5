package io.tributary.rtsp.sdp;

import java.util.Objects;

/**
 * {@code c=<nettype> <addrtype> <connection-address>}; the address keeps any
 * {@code /ttl/count} suffix as written.
 */
public record Connection(String netType, String addrType, String address) {
    public Connection {
        Objects.requireNonNull(netType, "netType");
        Objects.requireNonNull(addrType, "addrType");
        Objects.requireNonNull(address, "address");
    }

    /** {@code IN IP4 <address>} or {@code IN IP6 <address>}, by the form of the address. */
    public static Connection of(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }
}
