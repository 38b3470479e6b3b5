package io.tributary.auth.digest.internal;

import io.tributary.api.auth.CredentialStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** An in-memory credential store of clear passwords for one realm, hashing them as a real store's files hold them. */
record PasswordStore(String realm, Map<String, String> passwords) implements CredentialStore {
    @Override
    public PasswordCheck checkPassword(String user, char[] password) {
        String known = passwords.get(user);
        return known == null ? PasswordCheck.UNKNOWN_USER
                : known.equals(new String(password)) ? PasswordCheck.VALID : PasswordCheck.INVALID;
    }

    @Override
    public Optional<String> digestHa1(String user, String realm, String algorithm) {
        String password = passwords.get(user);
        if (password == null || !realm.equals(this.realm)) {
            return Optional.empty();
        }
        return Optional.of(hex(algorithm, user + ":" + realm + ":" + password));
    }

    static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
