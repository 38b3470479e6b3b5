package io.tributary.auth.users.internal.permit;

import io.tributary.api.path.PathPattern;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One permission: an action on the paths a pattern matches, from anywhere or only from
 * some client addresses, on any connection or only on encrypted ones. Written
 * {@code <action>:<path pattern>[ tls][ from <range> ...]}.
 *
 * @param action  what it allows
 * @param pattern the paths it covers
 * @param tls     {@code true}: only over an encrypted connection (RTSPS)
 * @param from    the client addresses it is limited to; empty for any client
 */
public record Permit(Action action, PathPattern pattern, boolean tls, List<AddressRange> from) {
    public Permit {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(pattern, "pattern");
        from = List.copyOf(from);
    }

    /** A permission on any connection. */
    public Permit(Action action, PathPattern pattern, List<AddressRange> from) {
        this(action, pattern, false, from);
    }

    /** {@link #allows(Action, String, InetAddress, boolean)} on a plain connection. */
    public boolean allows(Action wanted, String path, InetAddress client) {
        return allows(wanted, path, client, false);
    }

    /**
     * {@code true} when this permission allows the action on the path to the client (null:
     * address unknown) on a connection that is encrypted ({@code secure}) or not.
     */
    public boolean allows(Action wanted, String path, InetAddress client, boolean secure) {
        if (action != wanted || !pattern.matches(path) || (tls && !secure)) {
            return false;
        }
        if (from.isEmpty()) {
            return true;
        }
        for (AddressRange range : from) {
            if (range.contains(client)) {
                return true;
            }
        }
        return false;
    }

    /** The canonical text, which {@link PermitParser#parse} reads back to an equal permission. */
    @Override
    public String toString() {
        String text = action.token() + ":" + pattern + (tls ? " tls" : "");
        return from.isEmpty() ? text
                : text + " from " + from.stream().map(AddressRange::toString).collect(Collectors.joining(" "));
    }
}
