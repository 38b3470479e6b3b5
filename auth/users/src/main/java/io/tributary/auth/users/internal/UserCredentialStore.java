package io.tributary.auth.users.internal;

import io.tributary.api.auth.CredentialStore;
import io.tributary.auth.users.internal.account.Account;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The users' secrets for Basic and Digest: PBKDF2 checks (remembered for a while, see
 * {@link VerifiedPasswords}) and the stored Digest HA1 values of the configured realm.
 */
@Component(service = CredentialStore.class, property = "service.ranking:Integer=0")
public final class UserCredentialStore implements CredentialStore {
    private final UserDirectory directory;
    private final VerifiedPasswords verified;
    private final BiConsumer<Users, Users> forgetChanged = this::forgetChanged;

    @Activate
    public UserCredentialStore(@Reference UserDirectory directory) {
        this(directory, new VerifiedPasswords());
    }

    UserCredentialStore(UserDirectory directory, VerifiedPasswords verified) {
        this.directory = directory;
        this.verified = verified;
        directory.watch(forgetChanged);
    }

    @Deactivate
    void deactivate() {
        directory.unwatch(forgetChanged);
    }

    @Override
    public PasswordCheck checkPassword(String user, char[] password) {
        Optional<Account> account = directory.users().account(user);
        if (account.isEmpty()) {
            return PasswordCheck.UNKNOWN_USER;
        }
        boolean valid = password != null && account.get().password()
                .map(hash -> verified.check(user, password, hash))
                .orElse(false);
        return valid ? PasswordCheck.VALID : PasswordCheck.INVALID;
    }

    @Override
    public Optional<String> digestHa1(String user, String realm, String algorithm) {
        return directory.users().account(user).flatMap(account -> account.digest().ha1(realm, algorithm));
    }

    /** Remembered successes of a user whose account changed or went no longer count. */
    private void forgetChanged(Users previous, Users current) {
        Set<String> names = new HashSet<>(previous.byName().keySet());
        names.addAll(current.byName().keySet());
        for (String name : names) {
            if (!Objects.equals(previous.byName().get(name), current.byName().get(name))) {
                verified.forget(name);
            }
        }
    }
}
