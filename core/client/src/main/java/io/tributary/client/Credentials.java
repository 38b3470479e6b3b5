package io.tributary.client;

import java.util.Objects;

/**
 * A user name and password for Basic or Digest authentication. {@link #toString()} never
 * shows the password.
 */
public record Credentials(String username, String password) {
    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
