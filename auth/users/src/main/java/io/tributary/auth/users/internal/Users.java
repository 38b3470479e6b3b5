package io.tributary.auth.users.internal;

import io.tributary.auth.users.internal.account.Account;
import io.tributary.auth.users.internal.permit.Permit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user store knows at one moment: the users by name and the shared settings.
 * Immutable: readers take the current snapshot and never see half an update.
 *
 * @param byName    the users
 * @param realm     the realm of logins
 * @param anonymous what clients that did not log in may do
 */
public record Users(Map<String, Account> byName, String realm, List<Permit> anonymous) {
    public Users {
        byName = Map.copyOf(byName);
        anonymous = List.copyOf(anonymous);
    }

    public Optional<Account> account(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }
}
