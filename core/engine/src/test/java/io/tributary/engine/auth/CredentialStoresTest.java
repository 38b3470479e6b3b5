package io.tributary.engine.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.auth.CredentialStore;
import io.tributary.engine.path.Whiteboard;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialStoresTest {

    /** Knows the users in {@code passwords}; HA1 is "ha1-of-<user>-<password>". */
    private record Store(Map<String, String> passwords) implements CredentialStore {
        @Override
        public PasswordCheck checkPassword(String user, char[] password) {
            String known = passwords.get(user);
            return known == null ? PasswordCheck.UNKNOWN_USER
                    : known.equals(new String(password)) ? PasswordCheck.VALID : PasswordCheck.INVALID;
        }

        @Override
        public Optional<String> digestHa1(String user, String realm, String algorithm) {
            return Optional.ofNullable(passwords.get(user)).map(p -> "ha1-of-" + user + "-" + p);
        }
    }

    @Test
    void storesAreAskedHighestRankingFirstUntilOneKnowsTheUser() {
        Whiteboard<CredentialStore> board = new Whiteboard<>();
        Store low = new Store(Map.of("alice", "low", "bob", "bob-pw"));
        Store high = new Store(Map.of("alice", "high"));
        board.add("", low, 0, 1);
        board.add("", high, 10, 2);
        CredentialStores stores = new CredentialStores(board);

        assertEquals(CredentialStore.PasswordCheck.VALID, stores.checkPassword("alice", "high".toCharArray()));
        assertEquals(CredentialStore.PasswordCheck.INVALID, stores.checkPassword("alice", "low".toCharArray()),
                "the first store that knows the user decides");
        assertEquals(CredentialStore.PasswordCheck.VALID, stores.checkPassword("bob", "bob-pw".toCharArray()));
        assertEquals(CredentialStore.PasswordCheck.UNKNOWN_USER, stores.checkPassword("carol", "x".toCharArray()));
        assertEquals(Optional.of("ha1-of-alice-high"), stores.digestHa1("alice", "r", "MD5"));
        assertEquals(Optional.of("ha1-of-bob-bob-pw"), stores.digestHa1("bob", "r", "MD5"));
        assertEquals(Optional.empty(), stores.digestHa1("carol", "r", "MD5"));

        board.remove("", high);
        assertEquals(CredentialStore.PasswordCheck.VALID, stores.checkPassword("alice", "low".toCharArray()),
                "a store that went away is asked no more");
    }
}
