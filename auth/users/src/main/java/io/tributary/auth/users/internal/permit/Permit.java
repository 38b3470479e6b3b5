package io.tributary.auth.users.internal.permit;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One permission: an action on the paths a pattern matches, from anywhere or only from
 * some client addresses. Written {@code <action>:<path pattern>[ from <range> ...]}.
 *
 * @param action  what it allows
 * @param pattern the paths it covers
 * @param from    the client addresses it is limited to; empty for any client
 */
public record Permit(Action action, PathPattern pattern, List<AddressRange> from) {
    public Permit {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(pattern, "pattern");
        from = List.copyOf(from);
    }

    /** {@code true} when this permission allows the action on the path to the client (null: address unknown). */
    public boolean allows(Action wanted, String path, InetAddress client) {
        if (action != wanted || !pattern.matches(path)) {
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
        String text = action.token() + ":" + pattern;
        return from.isEmpty() ? text
                : text + " from " + from.stream().map(AddressRange::toString).collect(Collectors.joining(" "));
    }
}
