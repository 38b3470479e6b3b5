package io.tributary.auth.basic.internal;

import io.tributary.api.auth.CredentialStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory store of clear passwords that keeps the arrays it was handed, to see them wiped. */
final class PasswordStore implements CredentialStore {
    private final Map<String, String> passwords;
    final List<char[]> handed = new ArrayList<>();

    PasswordStore(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    @Override
    public PasswordCheck checkPassword(String user, char[] password) {
        handed.add(password);
        String known = passwords.get(user);
        return known == null ? PasswordCheck.UNKNOWN_USER
                : known.equals(new String(password)) ? PasswordCheck.VALID : PasswordCheck.INVALID;
    }

    @Override
    public Optional<String> digestHa1(String user, String realm, String algorithm) {
        return Optional.empty();
    }
}
