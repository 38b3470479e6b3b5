package io.tributary.auth.users.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.auth.users.internal.permit.Action;
import io.tributary.auth.users.internal.permit.PermitParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountTest {
    private static final String HASH = "pbkdf2-sha512:1000:AAAAAAAAAAAAAAAAAAAAAA==:"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @Test
    void aBadValueCostsOnlyWhatItTouches() {
        List<String> warnings = new ArrayList<>();

        Account account = Account.of(new StoredUser("alice", "not-a-hash", "Tributary", "123", "",
                "read:/**, reed:/x, admin:/console"), warnings::add);

        assertEquals("alice", account.name());
        assertEquals(Optional.empty(), account.password());
        assertEquals(DigestSecrets.NONE, account.digest());
        assertEquals("read:/**, admin:/console", PermitParser.format(account.permits()));
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("user alice: the password is unreadable (not of the form"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("user alice: the MD5 HA1 is not 32 hex digits"), warnings.get(1));
        assertEquals("user alice: permission \"reed:/x\" ignored: unknown action \"reed\" (read, publish or admin)",
                warnings.get(2));
        assertTrue(account.has(Action.ADMIN));
        assertTrue(!account.has(Action.PUBLISH));
    }

    @Test
    void aValidUserParsesWithoutWarnings() {
        List<String> warnings = new ArrayList<>();

        Account account = Account.of(new StoredUser("bob", HASH, "", "", "", "publish:/live/bob"), warnings::add);

        assertEquals(List.of(), warnings);
        assertTrue(account.password().isPresent());
        assertTrue(account.allows(Action.PUBLISH, "/live/bob", null, false));
    }

    @Test
    void aUserWithoutAValidNameIsRefused() {
        assertEquals("bad user name \"\": use 1 to 64 characters of A-Z a-z 0-9 . _ @ -",
                assertThrows(IllegalArgumentException.class,
                        () -> Account.of(new StoredUser(null, HASH, "", "", "", ""), w -> { })).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Account.of(new StoredUser("al ice", HASH, "", "", "", ""), w -> { }));
    }

    @Test
    void secretsStayOutOfTextForms() {
        StoredUser stored = new StoredUser("bob", HASH, "r", "0".repeat(32), "1".repeat(64), "read:/**");
        Account account = Account.of(stored, w -> { });

        for (String text : List.of(stored.toString(), account.toString())) {
            assertTrue(!text.contains("pbkdf2") && !text.contains("0000") && !text.contains("1111"), text);
        }
    }
}
