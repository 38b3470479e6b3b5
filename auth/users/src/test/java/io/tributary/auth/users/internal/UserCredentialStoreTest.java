package io.tributary.auth.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.auth.CredentialStore.PasswordCheck;
import io.tributary.auth.users.internal.account.DigestSecrets;
import io.tributary.auth.users.internal.account.PasswordHash;
import io.tributary.auth.users.internal.account.StoredUser;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserCredentialStoreTest {
    private static StoredUser alice;
    private static StoredUser bob;

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger hashes = new AtomicInteger();
    private UserDirectory directory;
    private UserCredentialStore store;

    @BeforeAll
    static void users() {
        alice = user("alice", "open sesame", "read:/**");
        bob = user("bob", "hunter2", "publish:/live/bob");
    }

    private static StoredUser user(String name, String password, String permit) {
        return new StoredUser(name, "", "", "", "", permit).withPassword(
                PasswordHash.create(password.toCharArray(), new SecureRandom()),
                DigestSecrets.compute(name, "Tributary", password.toCharArray()));
    }

    @BeforeEach
    void store() {
        directory = TestConfigs.directory(Map.of());
        directory.addAccount(TestConfigs.account(alice));
        directory.addAccount(TestConfigs.account(bob));
        store = new UserCredentialStore(directory, new VerifiedPasswords(nanos::get, (hash, password) -> {
            hashes.incrementAndGet();
            return hash.verify(password);
        }));
    }

    @Test
    void tellsRightWrongAndUnknown() {
        assertEquals(PasswordCheck.VALID, store.checkPassword("alice", "open sesame".toCharArray()));
        assertEquals(PasswordCheck.INVALID, store.checkPassword("alice", "hunter2".toCharArray()));
        assertEquals(PasswordCheck.INVALID, store.checkPassword("alice", new char[0]));
        assertEquals(PasswordCheck.UNKNOWN_USER, store.checkPassword("carol", "open sesame".toCharArray()));
        assertEquals(PasswordCheck.UNKNOWN_USER, store.checkPassword(null, "x".toCharArray()));
    }

    @Test
    void aUserWithoutAReadablePasswordIsInvalidNotUnknown() {
        directory.addAccount(TestConfigs.account(new StoredUser("carol", "garbage", "", "", "", "read:/**")));

        assertEquals(PasswordCheck.INVALID, store.checkPassword("carol", "garbage".toCharArray()));
    }

    @Test
    void aRepeatedSuccessIsNotHashedAgain() {
        assertEquals(PasswordCheck.VALID, store.checkPassword("alice", "open sesame".toCharArray()));
        assertEquals(PasswordCheck.VALID, store.checkPassword("alice", "open sesame".toCharArray()));
        assertEquals(PasswordCheck.VALID, store.checkPassword("alice", "open sesame".toCharArray()));

        assertEquals(1, hashes.get());
    }

    @Test
    void failuresAreHashedEveryTime() {
        store.checkPassword("alice", "wrong".toCharArray());
        store.checkPassword("alice", "wrong".toCharArray());

        assertEquals(2, hashes.get());
    }

    @Test
    void aSuccessForOnePasswordDoesNotVouchForAnother() {
        store.checkPassword("alice", "open sesame".toCharArray());

        assertEquals(PasswordCheck.INVALID, store.checkPassword("alice", "open sesame!".toCharArray()));
        assertEquals(PasswordCheck.INVALID, store.checkPassword("bob", "open sesame".toCharArray()));
        assertEquals(3, hashes.get());
    }

    @Test
    void successesAreForgottenAfterFiveMinutes() {
        store.checkPassword("alice", "open sesame".toCharArray());
        nanos.addAndGet(Duration.ofMinutes(5).minusSeconds(1).toNanos());
        store.checkPassword("alice", "open sesame".toCharArray());
        assertEquals(1, hashes.get());

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        store.checkPassword("alice", "open sesame".toCharArray());
        assertEquals(2, hashes.get());
    }

    @Test
    void aChangedUserIsCheckedAfresh() {
        UserAccount before = TestConfigs.account(alice.withPermit("read:/**"));
        directory = TestConfigs.directory(Map.of());
        directory.addAccount(before);
        directory.addAccount(TestConfigs.account(bob));
        VerifiedPasswords verified = new VerifiedPasswords(nanos::get, (hash, password) -> {
            hashes.incrementAndGet();
            return hash.verify(password);
        });
        store = new UserCredentialStore(directory, verified);
        store.checkPassword("alice", "open sesame".toCharArray());
        store.checkPassword("bob", "hunter2".toCharArray());
        assertEquals(2, verified.size());

        // the file changed: Declarative Services replaces the component
        directory.removeAccount(before);
        directory.addAccount(TestConfigs.account(alice.withPermit("read:/**, publish:/x")));

        assertEquals(1, verified.size());
        assertEquals(PasswordCheck.VALID, store.checkPassword("alice", "open sesame".toCharArray()));
        assertEquals(PasswordCheck.VALID, store.checkPassword("bob", "hunter2".toCharArray()));
        assertEquals(3, hashes.get());
    }

    @Test
    void aNewPasswordReplacesTheOldOneAtOnce() {
        UserAccount before = TestConfigs.account(alice);
        directory = TestConfigs.directory(Map.of());
        directory.addAccount(before);
        store = new UserCredentialStore(directory, new VerifiedPasswords(nanos::get, PasswordHash::verify));
        assertEquals(PasswordCheck.VALID, store.checkPassword("alice", "open sesame".toCharArray()));

        directory.removeAccount(before);
        directory.addAccount(TestConfigs.account(user("alice", "new one", "read:/**")));

        assertEquals(PasswordCheck.INVALID, store.checkPassword("alice", "open sesame".toCharArray()));
        assertEquals(PasswordCheck.VALID, store.checkPassword("alice", "new one".toCharArray()));
    }

    @Test
    void remembersAtMostAThousandSuccesses() {
        VerifiedPasswords verified = new VerifiedPasswords(nanos::get, (hash, password) -> true);
        store = new UserCredentialStore(directory, verified);

        for (int i = 0; i < 1500; i++) {
            store.checkPassword("alice", ("password " + i).toCharArray());
        }

        assertTrue(verified.size() <= VerifiedPasswords.MAX_ENTRIES, "remembers " + verified.size());
    }

    @Test
    void givesTheStoredHa1ForTheRealmItWasMadeFor() {
        assertEquals(Optional.of(DigestSecrets.compute("alice", "Tributary", "open sesame".toCharArray()).md5()),
                store.digestHa1("alice", "Tributary", "MD5"));
        assertEquals(Optional.of(alice.digestSha256()), store.digestHa1("alice", "Tributary", "SHA-256"));
        assertEquals(Optional.empty(), store.digestHa1("alice", "Other", "MD5"));
        assertEquals(Optional.empty(), store.digestHa1("alice", "Tributary", "SHA-512-256"));
        assertEquals(Optional.empty(), store.digestHa1("carol", "Tributary", "MD5"));
    }
}
