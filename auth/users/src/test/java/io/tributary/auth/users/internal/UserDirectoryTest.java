package io.tributary.auth.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.auth.users.internal.account.StoredUser;
import io.tributary.auth.users.internal.permit.PermitParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {
    private static final String HASH = "pbkdf2-sha512:1000:AAAAAAAAAAAAAAAAAAAAAA==:"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private static UserAccount user(String name, String permit) {
        return TestConfigs.account(new StoredUser(name, HASH, "", "", "", permit));
    }

    @Test
    void withoutSettingsTheRealmIsTributaryAndAnonymousClientsReadAndPublishFromLoopback() {
        UserDirectory directory = TestConfigs.directory(Map.of());

        assertEquals("Tributary", directory.users().realm());
        assertEquals("read:/**, publish:/** from 127.0.0.0/8 ::1", PermitParser.format(directory.users().anonymous()));
        assertEquals(Map.of(), directory.users().byName());
    }

    @Test
    void knowsTheUsersWhoseConfigurationsAreBound() {
        UserDirectory directory = TestConfigs.directory(Map.of());
        UserAccount alice = user("alice", "read:/**");
        UserAccount bob = user("bob", "publish:/live/bob");

        directory.addAccount(alice);
        directory.addAccount(bob);
        assertEquals(List.of("alice", "bob"), directory.users().byName().keySet().stream().sorted().toList());

        directory.removeAccount(alice);
        assertEquals(Optional.empty(), directory.users().account("alice"));
        assertEquals("publish:/live/bob",
                PermitParser.format(directory.users().account("bob").orElseThrow().permits()));
    }

    @Test
    void aUserNamedTwiceIsIgnoredUntilOneConfigurationIsLeft() {
        UserDirectory directory = TestConfigs.directory(Map.of());
        UserAccount first = user("alice", "read:/a");
        UserAccount second = user("alice", "admin:/**");

        directory.addAccount(first);
        directory.addAccount(second);
        assertEquals(Optional.empty(), directory.users().account("alice"));

        directory.removeAccount(second);
        assertEquals("read:/a", PermitParser.format(directory.users().account("alice").orElseThrow().permits()));
    }

    @Test
    void aConfigurationWithoutAValidNameAddsNobody() {
        UserDirectory directory = TestConfigs.directory(Map.of());

        directory.addAccount(TestConfigs.account(new StoredUser("../etc/passwd", HASH, "", "", "", "admin:/**")));
        directory.addAccount(new UserAccount(TestConfigs.user(Map.of()), Map.of("service.pid", "io.tributary.user~x")));

        assertEquals(Map.of(), directory.users().byName());
    }

    @Test
    void changedSettingsApplyAtOnceAndBadAnonymousEntriesAreSkipped() {
        UserDirectory directory = TestConfigs.directory(Map.of());
        directory.addAccount(user("alice", "read:/**"));

        directory.modified(TestConfigs.auth(Map.of("realm", "Cameras", "anonymous", "read:/public/**, reed:/x")));

        assertEquals("Cameras", directory.users().realm());
        assertEquals("read:/public/**", PermitParser.format(directory.users().anonymous()));
        assertTrue(directory.users().account("alice").isPresent());

        directory.modified(TestConfigs.auth(Map.of("realm", " ", "anonymous", "")));
        assertEquals("Tributary", directory.users().realm());
        assertEquals(List.of(), directory.users().anonymous());
    }

    @Test
    void watchersSeeEachSnapshotWithTheOneBefore() {
        UserDirectory directory = TestConfigs.directory(Map.of());
        List<String> seen = new ArrayList<>();
        directory.watch((before, after) -> seen.add(before.byName().keySet() + " -> " + after.byName().keySet()));

        directory.addAccount(user("alice", ""));
        directory.modified(TestConfigs.auth(Map.of("realm", "x")));

        assertEquals(List.of("[] -> [alice]", "[alice] -> [alice]"), seen);
    }

    @Test
    void accountsBoundBeforeActivationAppearWithTheFirstSnapshot() {
        UserDirectory directory = new UserDirectory();
        directory.addAccount(user("alice", "read:/**"));
        directory.addAccount(user("bob", "read:/**"));

        directory.activate(TestConfigs.auth(Map.of("realm", "Cameras")));

        assertEquals(List.of("alice", "bob"), directory.users().byName().keySet().stream().sorted().toList());
        assertEquals("Cameras", directory.users().realm());
    }

    @Test
    void aBurstOfChangesGivesOneWarningListingTheUsersWhoseDigestHashesAreForAnotherRealm() {
        List<Runnable> later = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        UserDirectory directory = new UserDirectory(later::add, warnings::add);
        directory.addAccount(user("alice", ""));
        directory.activate(TestConfigs.auth(Map.of()));
        directory.addAccount(user("bob", ""));
        directory.addAccount(TestConfigs.account(new StoredUser("carol", HASH, "Tributary", "0".repeat(32), "", "")));

        later.forEach(Runnable::run);

        assertEquals(List.of("Digest logins fail for users whose Digest hashes are not for realm \"Tributary\":"
                + " [alice, bob]; run `tributary user passwd <name>` to make Digest work for them"), warnings);

        later.clear();
        directory.modified(TestConfigs.auth(Map.of()));
        later.forEach(Runnable::run);
        assertEquals(1, warnings.size(), "the same list is not repeated");

        later.clear();
        directory.modified(TestConfigs.auth(Map.of("realm", "Cameras")));
        later.forEach(Runnable::run);
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(1).contains("realm \"Cameras\": [alice, bob, carol]"), warnings.get(1));
    }

    @Test
    void nothingIsReviewedAfterDeactivation() {
        List<Runnable> later = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        UserDirectory directory = new UserDirectory(later::add, warnings::add);
        directory.activate(TestConfigs.auth(Map.of()));
        directory.addAccount(user("alice", ""));

        directory.deactivate();
        later.forEach(Runnable::run);

        assertEquals(List.of(), warnings);
    }
}
