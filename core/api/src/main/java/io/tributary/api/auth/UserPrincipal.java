package io.tributary.api.auth;

import java.util.Objects;

/** An authenticated user. */
public record UserPrincipal(String name) {
    public UserPrincipal {
        Objects.requireNonNull(name, "name");
    }
}
