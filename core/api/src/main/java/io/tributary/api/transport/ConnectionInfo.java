package io.tributary.api.transport;

import java.net.InetSocketAddress;

/**
 * A control connection as listeners see it.
 *
 * @param remote the client's address
 * @param local  the server address (and port) it connected to
 * @param secure whether it is already encrypted (inside TLS)
 */
public record ConnectionInfo(InetSocketAddress remote, InetSocketAddress local, boolean secure) {
}
