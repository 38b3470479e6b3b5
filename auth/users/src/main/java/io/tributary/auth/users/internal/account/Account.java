package io.tributary.auth.users.internal.account;

import io.tributary.auth.users.internal.permit.Action;
import io.tributary.auth.users.internal.permit.Permit;
import io.tributary.auth.users.internal.permit.PermitParser;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A user as the server uses it: the stored properties parsed.
 *
 * @param name     the user name
 * @param password the PBKDF2 hash; empty when none is stored or it is unreadable (no Basic login)
 * @param digest   the Digest HA1 values; {@link DigestSecrets#NONE} when absent or unreadable
 * @param permits  what the user may do
 */
public record Account(String name, Optional<PasswordHash> password, DigestSecrets digest, List<Permit> permits) {
    public Account {
        UserName.check(name);
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(digest, "digest");
        permits = List.copyOf(permits);
    }

    /**
     * Parses what is stored. Only a bad name refuses the whole user; each other bad value is
     * reported to {@code warn} (a sentence naming the user and what is ignored) and left out,
     * so that one typo costs only what it touches.
     *
     * @throws IllegalArgumentException when the name is missing or not a valid user name
     */
    public static Account of(StoredUser stored, Consumer<String> warn) {
        String name = UserName.check(stored.name());
        Optional<PasswordHash> password = Optional.empty();
        if (stored.password().isEmpty()) {
            warn.accept("user " + name + " has no password: Basic and console logins are off for it");
        } else {
            try {
                password = Optional.of(PasswordHash.parse(stored.password()));
            } catch (IllegalArgumentException e) {
                warn.accept("user " + name + ": the password is unreadable (" + e.getMessage()
                        + "): Basic and console logins are off for it; set it with `tributary user passwd " + name
                        + "`");
            }
        }
        DigestSecrets digest = DigestSecrets.NONE;
        try {
            digest = new DigestSecrets(stored.digestRealm(), stored.digestMd5(), stored.digestSha256());
        } catch (IllegalArgumentException e) {
            warn.accept("user " + name + ": " + e.getMessage() + ": Digest logins are off for it; set the password"
                    + " again with `tributary user passwd " + name + "`");
        }
        List<Permit> permits = PermitParser.parseValid(stored.permit(), (entry, reason) ->
                warn.accept("user " + name + ": permission " + entry + " ignored: " + reason));
        return new Account(name, password, digest, permits);
    }

    /**
     * {@code true} when one of the user's permissions allows the action on the path to the
     * client, on an encrypted connection ({@code secure}) or not.
     */
    public boolean allows(Action action, String path, InetAddress client, boolean secure) {
        for (Permit permit : permits) {
            if (permit.allows(action, path, client, secure)) {
                return true;
            }
        }
        return false;
    }

    /** {@code true} when the user has a permission for the action on some paths. */
    public boolean has(Action action) {
        return permits.stream().anyMatch(permit -> permit.action() == action);
    }

    /** Hides the secrets. */
    @Override
    public String toString() {
        return "Account[" + name + ": " + PermitParser.format(permits) + "]";
    }
}
