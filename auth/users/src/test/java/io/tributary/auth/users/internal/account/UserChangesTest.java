package io.tributary.auth.users.internal.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserChangesTest {
    @TempDir
    Path etc;

    private UserChanges changes() {
        return new UserChanges(etc, new SecureRandom());
    }

    @Test
    void thePasswordLimitCountsUtf8Bytes() throws Exception {
        UserChanges.checkPassword("é".repeat(512).toCharArray());
        Refusal tooLong = assertThrows(Refusal.class, () -> UserChanges.checkPassword("é".repeat(513).toCharArray()));
        assertEquals("the password is longer than 1024 bytes", tooLong.getMessage());
        assertEquals("the password is empty",
                assertThrows(Refusal.class, () -> UserChanges.checkPassword(new char[0])).getMessage());
    }

    @Test
    void aRepeatedPasswordWipesTheRepetitionAndOnAMismatchBoth() throws Exception {
        char[] first = "secret".toCharArray();
        char[] second = "secret".toCharArray();
        assertSame(first, UserChanges.repeated(first, second));
        assertArrayEquals("secret".toCharArray(), first);
        assertArrayEquals(new char[6], second);

        char[] typo = "secret".toCharArray();
        char[] other = "secrer".toCharArray();
        assertEquals("the passwords do not match",
                assertThrows(Refusal.class, () -> UserChanges.repeated(typo, other)).getMessage());
        assertArrayEquals(new char[6], typo);
        assertArrayEquals(new char[6], other);
    }

    @Test
    void writingWipesThePasswordAlsoWhenRefused() throws Exception {
        char[] written = "pw".toCharArray();
        changes().add("alice", List.of()).write(written);
        assertArrayEquals(new char[2], written);

        char[] tooLong = "x".repeat(1025).toCharArray();
        assertThrows(Refusal.class, () -> changes().passwd("alice").write(tooLong));
        assertArrayEquals(new char[1025], tooLong);
    }

    @Test
    void aNewUserWhoAppearedWhileThePasswordWasAskedIsNotOverwritten() throws Exception {
        UserChanges.Pending slow = changes().add("alice", List.of());
        changes().add("alice", List.of()).write("first".toCharArray());
        String first = Files.readString(UserFile.path(etc, "alice"));

        Refusal refusal = assertThrows(Refusal.class, () -> slow.write("second".toCharArray()));

        assertTrue(refusal.getMessage().startsWith("user alice exists already"), refusal.getMessage());
        assertEquals(first, Files.readString(UserFile.path(etc, "alice")));
    }

    @Test
    void aFileWithoutANameIsListedUnderItsFileName() throws Exception {
        Files.writeString(etc.resolve("io.tributary.user-carol.cfg"), "permit = read:/**\n");
        Files.writeString(etc.resolve("io.tributary.user-broken.cfg"), "permit = \\u12\n");

        UserChanges.Listing listing = changes().list();

        assertEquals(List.of(new StoredUser("carol", "", "", "", "", "read:/**")), listing.users());
        assertEquals(1, listing.unreadable().size());
        assertFalse(listing.unreadable().get(0).getMessage().isEmpty());
    }
}
