package io.tributary.auth.users.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.tributary.auth.users.internal.Users;
import io.tributary.auth.users.internal.account.StoredUser;
import io.tributary.auth.users.internal.account.UserChanges;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whatever a hand-edited user file holds, the page renders, and no value reaches it
 * unescaped: an escaped text holds no markup character, no {@code $} or backslash for the
 * console's filter, and no control character; and the page built from a user whose name and
 * permissions are all markup holds exactly as many tags as a page built from harmless values.
 */
class UsersPageFuzzTest {
    private static final UsersPage.Form FORM = new UsersPage.Form("/system/console/users", "token");
    private static final Users SERVER = new Users(Map.of(), "Tributary", List.of());

    @FuzzTest(maxDuration = "60s")
    void storedValuesNeverBecomeMarkup(@NotNull String name, @NotNull String permit, @NotNull String realm) {
        String escaped = UsersPage.escape(name + permit + realm);
        for (char c : "<>\"'$\\".toCharArray()) {
            assertTrue(escaped.indexOf(c) < 0, escaped);
        }
        assertTrue(escaped.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f),
                escaped);

        String hostile = page(name, permit, realm);
        // "#" keeps a name invalid and a permission as valid as "<" or ">" does: the same notes and forms
        String harmless = page(name.replaceAll("[<>]", "#"), permit.replaceAll("[<>]", "#"), realm);
        assertEquals(count(harmless, '<'), count(hostile, '<'), hostile);
        assertFalse(hostile.contains("${"), hostile);
    }

    private static String page(String name, String permit, String realm) {
        StoredUser user = new StoredUser(name, "", realm, "", "", permit);
        return UsersPage.html(FORM, Optional.of(Notice.refused(name)), new UserChanges.Listing(List.of(user),
                List.of()), SERVER, "/etc/io.tributary.auth.cfg");
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}
