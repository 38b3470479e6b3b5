package io.tributary.auth.users.internal.permit;

import java.util.Optional;

/** What a permission allows, as written in the permission language. */
public enum Action {
    READ("read"),
    PUBLISH("publish"),
    ADMIN("admin");

    private final String token;

    Action(String token) {
        this.token = token;
    }

    /** The word that names the action in permissions, e.g. {@code read}. */
    public String token() {
        return token;
    }

    /** The action a word names; empty for anything but the exact lower-case words. */
    public static Optional<Action> ofToken(String token) {
        for (Action action : values()) {
            if (action.token.equals(token)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
