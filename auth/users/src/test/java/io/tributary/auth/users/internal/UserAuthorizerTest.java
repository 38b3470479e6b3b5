package io.tributary.auth.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.Decision;
import io.tributary.api.auth.Permission;
import io.tributary.api.auth.PresentedCredentials;
import io.tributary.api.auth.UserPrincipal;
import io.tributary.auth.users.internal.account.StoredUser;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAuthorizerTest {
    private static final String HASH = "pbkdf2-sha512:1000:AAAAAAAAAAAAAAAAAAAAAA==:"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private UserDirectory directory;
    private UserAuthorizer authorizer;

    @BeforeEach
    void users() {
        directory = TestConfigs.directory(Map.of());
        directory.addAccount(user("alice", "read:/cams/**, publish:/cams/alice from 10.0.0.0/8 ::1"));
        directory.addAccount(user("root", "admin:/**"));
        directory.addAccount(user("nobody", ""));
        authorizer = new UserAuthorizer(directory);
    }

    private static UserAccount user(String name, String permit) {
        return TestConfigs.account(new StoredUser(name, HASH, "", "", "", permit));
    }

    @Test
    void aUserIsPermittedWhatTheirPermissionsCoverAndDeniedTheRest() {
        directory.modified(TestConfigs.auth(Map.of("anonymous", "")));
        assertEquals(Decision.PERMIT, decide(Permission.READ, "/cams/front", "alice", "192.0.2.7"));
        assertEquals(Decision.PERMIT, decide(Permission.READ, "/cams", "alice", "192.0.2.7"));
        assertEquals(Decision.DENY, decide(Permission.READ, "/vod/film", "alice", "192.0.2.7"));
        assertEquals(Decision.PERMIT, decide(Permission.PUBLISH, "/cams/alice", "alice", "10.0.0.5"));
        assertEquals(Decision.PERMIT, decide(Permission.PUBLISH, "/cams/alice", "alice", "::1"));
        assertEquals(Decision.DENY, decide(Permission.PUBLISH, "/cams/alice", "alice", "192.0.2.7"));
        assertEquals(Decision.DENY, decide(Permission.PUBLISH, "/cams/bob", "alice", "10.0.0.5"));
        assertEquals(Decision.DENY, decide(Permission.READ, "/", "nobody", "127.0.0.1"));
    }

    @Test
    void loggingInNeverTakesAwayWhatAnonymousClientsMayDo() {
        // the default: anyone reads anything, and publishes from loopback
        assertEquals(Decision.PERMIT, decide(Permission.READ, "/vod/film", "alice", "192.0.2.7"));
        assertEquals(Decision.PERMIT, decide(Permission.PUBLISH, "/live", "nobody", "127.0.0.1"));
        assertEquals(Decision.DENY, decide(Permission.PUBLISH, "/live", "nobody", "192.0.2.7"));
    }

    @Test
    void aUserUnknownHereIsLeftToOtherAuthorizers() {
        assertEquals(Decision.ABSTAIN, decide(Permission.READ, "/cams/front", "carol", "127.0.0.1"));
    }

    @Test
    void adminIsItsOwnPermission() {
        directory.modified(TestConfigs.auth(Map.of("anonymous", "")));
        assertEquals(Decision.PERMIT, decide(Permission.ADMIN, "/console", "root", "192.0.2.7"));
        assertEquals(Decision.DENY, decide(Permission.READ, "/cams/front", "root", "192.0.2.7"));
        assertEquals(Decision.DENY, decide(Permission.PUBLISH, "/cams/front", "root", "127.0.0.1"));
        assertEquals(Decision.DENY, decide(Permission.ADMIN, "/console", "alice", "127.0.0.1"));
        assertEquals(Decision.ABSTAIN, decide(Permission.ADMIN, "/console", null, "127.0.0.1"));
    }

    @Test
    void byDefaultAnonymousClientsReadAnythingAndPublishOnlyFromLoopback() {
        assertEquals(Decision.PERMIT, decide(Permission.READ, "/cams/front", null, "10.0.0.5"));
        assertEquals(Decision.PERMIT, decide(Permission.READ, "/", null, "10.0.0.5"));
        assertEquals(Decision.PERMIT, decide(Permission.PUBLISH, "/live", null, "127.0.0.1"));
        assertEquals(Decision.PERMIT, decide(Permission.PUBLISH, "/live", null, "::1"));
        assertEquals(Decision.ABSTAIN, decide(Permission.PUBLISH, "/live", null, "10.0.0.5"));
    }

    @Test
    void anIpv4MappedClientCountsAsItsIpv4Address() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress client = Inet6Address.getByAddress(null, mapped, -1);

        assertEquals(Decision.PERMIT, authorizer.authorize(new AccessRequest(Permission.PUBLISH, "/live", null, null,
                new InetSocketAddress(client, 50000), "rtsp", false, "ANNOUNCE")));
    }

    @Test
    void withoutAnonymousPermissionsEveryoneMustLogIn() {
        directory.modified(TestConfigs.auth(Map.of("anonymous", "")));

        assertEquals(Decision.ABSTAIN, decide(Permission.READ, "/cams/front", null, "127.0.0.1"));
        assertEquals(Decision.PERMIT, decide(Permission.READ, "/cams/front", "alice", "127.0.0.1"));
    }

    @Test
    void uncheckedCredentialsAreLeftToTheAuthorizerThatCanCheckThem() {
        PresentedCredentials presented = new PresentedCredentials("Basic", "alice", "secret", Map.of());

        assertEquals(Decision.ABSTAIN, authorizer.authorize(new AccessRequest(Permission.READ, "/cams/front", null,
                presented, new InetSocketAddress("127.0.0.1", 50000), "rtsp", false, "DESCRIBE")));
    }

    @Test
    void anUnresolvedClientMatchesOnlyPermissionsWithoutRanges() {
        InetSocketAddress unresolved = InetSocketAddress.createUnresolved("camera.example", 554);

        assertEquals(Decision.PERMIT, authorizer.authorize(new AccessRequest(Permission.READ, "/cams/a",
                new UserPrincipal("alice"), null, unresolved, "rtsp", false, "DESCRIBE")));
        assertEquals(Decision.DENY, authorizer.authorize(new AccessRequest(Permission.PUBLISH, "/cams/alice",
                new UserPrincipal("alice"), null, unresolved, "rtsp", false, "ANNOUNCE")));
    }

    @Test
    void changesToUsersApplyToTheNextRequest() {
        UserAccount bob = user("bob", "read:/bob");
        assertEquals(Decision.ABSTAIN, decide(Permission.READ, "/bob", "bob", "127.0.0.1"));

        directory.addAccount(bob);
        assertEquals(Decision.PERMIT, decide(Permission.READ, "/bob", "bob", "127.0.0.1"));

        directory.removeAccount(bob);
        assertEquals(Decision.ABSTAIN, decide(Permission.READ, "/bob", "bob", "127.0.0.1"));
    }

    private Decision decide(Permission permission, String path, String user, String client) {
        try {
            return authorizer.authorize(new AccessRequest(permission, path, user == null ? null : new UserPrincipal(user),
                    null, new InetSocketAddress(InetAddress.getByName(client), 50000), "rtsp", false, "DESCRIBE"));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
