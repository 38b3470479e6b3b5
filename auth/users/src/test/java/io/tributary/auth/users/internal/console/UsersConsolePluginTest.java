package io.tributary.auth.users.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.testing.FakeHttp;
import io.tributary.auth.users.UserCommand;
import io.tributary.auth.users.internal.Users;
import io.tributary.auth.users.internal.account.AuthFile;
import io.tributary.auth.users.internal.account.DigestSecrets;
import io.tributary.auth.users.internal.account.PasswordHash;
import io.tributary.auth.users.internal.account.StoredUser;
import io.tributary.auth.users.internal.account.UserFile;
import io.tributary.auth.users.internal.permit.PermitParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersConsolePluginTest {
    private static final Map<String, String> SAME_ORIGIN = Map.of("Origin", "http://127.0.0.1:8080");
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @TempDir
    Path etc;

    private final List<String> audit = new ArrayList<>();
    private Users server = new Users(Map.of(), AuthFile.DEFAULT_REALM, PermitParser.parseAll(AuthFile.DEFAULT_ANONYMOUS));
    private UsersConsolePlugin plugin;

    private UsersConsolePlugin plugin() {
        if (plugin == null) {
            plugin = new UsersConsolePlugin(etc, () -> server, new SecureRandom(), audit::add);
        }
        return plugin;
    }

    private FakeHttp.Response get(String notice) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        Map<String, String> parameters = notice == null ? Map.of() : Map.of("notice", notice);
        plugin().service(FakeHttp.request("GET", "/users", parameters, Map.of()), response.proxy);
        return response;
    }

    private String page() throws Exception {
        return get(null).body();
    }

    /** The token the page's forms carry. */
    private String token() throws Exception {
        Matcher token = TOKEN.matcher(page());
        assertTrue(token.find());
        return token.group(1);
    }

    /** A POST as the page's form sends it: same origin, with the token. */
    private FakeHttp.Response post(String... nameValues) throws Exception {
        Map<String, String> parameters = parameters(nameValues);
        parameters.putIfAbsent("token", token());
        return post(parameters, SAME_ORIGIN);
    }

    private FakeHttp.Response post(Map<String, String> parameters, Map<String, String> headers) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        plugin().service(FakeHttp.request("POST", "/users", parameters, headers), response.proxy);
        return response;
    }

    /** Follows a POST's redirect: the notice the page shows (its first status line). */
    private String noticeAfter(FakeHttp.Response posted) throws Exception {
        assertEquals(303, posted.status, posted.errorMessage);
        String location = posted.headers.get("Location");
        assertTrue(location.startsWith("/system/console/users?notice="), location);
        String body = get(location.substring(location.indexOf('=') + 1)).body();
        Matcher statline = Pattern.compile("<p class=\"statline[^\"]*\">([^<]*)</p>").matcher(body);
        assertTrue(statline.find(), body);
        return statline.group(0);
    }

    private static Map<String, String> parameters(String... nameValues) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.put(nameValues[i], nameValues[i + 1]);
        }
        return parameters;
    }

    private String cli(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = UserCommand.run(etc, List.of(args), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                null, print, print);
        assertEquals(UserCommand.OK, status, out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private StoredUser stored(String name) throws IOException {
        return UserFile.read(etc, name).orElseThrow();
    }

    /** Every file in the folder with its content, to show that nothing changed. */
    private Map<String, String> files() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (var list = Files.list(etc)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    @Test
    void pageListsTheUsersTheCommandLineMadeWithPermissionsButNoSecrets() throws Exception {
        cli("open sesame\n", "add", "alice", "--permit", "read:/cams/**, publish:/cams/alice from 10.0.0.0/8 ::1");
        cli("pw\n", "add", "bob");
        StoredUser alice = stored("alice");

        String page = page();

        assertTrue(page.contains("<tr><td>alice</td><td>read:/cams/**<br/>publish:/cams/alice from 10.0.0.0/8 ::1"
                + "</td>"), page);
        assertTrue(page.contains("<tr><td>bob</td><td>none</td>"), page);
        assertTrue(page.contains("2 users."), page);
        for (String secret : List.of(alice.password(), alice.digestMd5(), alice.digestSha256(), "pbkdf2", "open sesame")) {
            assertFalse(page.contains(secret), secret);
        }
        assertFalse(page.contains("type=\"password\" name=\"password\" value"), page);
    }

    @Test
    void pageShowsTheRealmAndAnonymousPermissionsReadOnlyAndWhereToChangeThem() throws Exception {
        server = new Users(Map.of(), "Cameras", PermitParser.parseAll("read:/public/**"));

        String page = page();

        assertTrue(page.contains("<tr><td>Realm</td><td>Cameras</td></tr>"), page);
        assertTrue(page.contains("<tr><td>Without login (anonymous)</td><td>read:/public/**</td></tr>"), page);
        assertTrue(page.contains("Read-only here: change them in " + etc.resolve("io.tributary.auth.cfg")), page);
        assertFalse(page.contains("name=\"anonymous\"") || page.contains("name=\"realm\""), page);
    }

    @Test
    void pageNotesUsersWhoseDigestHashesAreForAnotherRealm() throws Exception {
        cli("pw\n", "add", "alice");
        server = new Users(Map.of(), "Cameras", List.of());

        assertTrue(page().contains("Digest logins need a new password (the Digest hashes are for realm"
                + " &#34;Tributary&#34;, not &#34;Cameras&#34;)."));
    }

    @Test
    void addWritesTheUserAsTheCommandLineDoesAndLogsWhoDidIt() throws Exception {
        FakeHttp.Response response = post("action", "add", "name", "alice", "password", "open sesame",
                "repeat", "open sesame", "permit", "read:/cams/**\r\n\r\npublish:/cams/alice from 10.0.0.0/8 ::1\n");

        assertEquals("<p class=\"statline ui-state-highlight\">User alice added with permissions &#34;read:/cams/**,"
                + " publish:/cams/alice from 10.0.0.0/8 ::1&#34;.</p>", noticeAfter(response));
        StoredUser alice = stored("alice");
        assertEquals("read:/cams/**, publish:/cams/alice from 10.0.0.0/8 ::1", alice.permit());
        assertTrue(PasswordHash.parse(alice.password()).verify("open sesame".toCharArray()));
        assertEquals(DigestSecrets.compute("alice", "Tributary", "open sesame".toCharArray()),
                new DigestSecrets(alice.digestRealm(), alice.digestMd5(), alice.digestSha256()));
        Path file = UserFile.path(etc, "alice");
        assertEquals(UserFile.format(alice), Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("alice  read:/cams/**, publish:/cams/alice from 10.0.0.0/8 ::1\n", cli("", "list"));
        assertEquals(List.of("user alice added from the web console by admin"), audit);
        assertFalse(response.headers.get("Location").contains("sesame"));
    }

    @Test
    void addWithoutPermissionsMakesAUserWithNone() throws Exception {
        noticeAfter(post("action", "add", "name", "bob", "password", "pw", "repeat", "pw"));

        assertEquals("bob  no permissions\n", cli("", "list"));
    }

    @Test
    void passwdChangesThePasswordForTheRealmOfTheAuthFileAndKeepsThePermissions() throws Exception {
        cli("old\n", "add", "alice", "--permit", "read:/cams/**");
        Files.writeString(etc.resolve("io.tributary.auth.cfg"), "realm = Cameras\n");

        String notice = noticeAfter(post("action", "passwd", "name", "alice", "password", "néw pässword",
                "repeat", "néw pässword"));

        assertEquals("<p class=\"statline ui-state-highlight\">User alice: password changed.</p>", notice);
        StoredUser alice = stored("alice");
        assertEquals("read:/cams/**", alice.permit());
        assertTrue(PasswordHash.parse(alice.password()).verify("néw pässword".toCharArray()));
        assertFalse(PasswordHash.parse(alice.password()).verify("old".toCharArray()));
        assertEquals(DigestSecrets.compute("alice", "Cameras", "néw pässword".toCharArray()),
                new DigestSecrets(alice.digestRealm(), alice.digestMd5(), alice.digestSha256()));
        assertEquals(List.of("user alice: password changed from the web console by admin"), audit);
    }

    @Test
    void permitWritesTheSameFileAsTheCommandLine() throws Exception {
        cli("pw\n", "add", "alice", "--permit", "read:/cams/**");
        String before = Files.readString(UserFile.path(etc, "alice"));
        cli("", "permit", "alice", "publish:/live/alice", "read:/vod/** from 192.168.0.0/16, admin:/**");
        String byCommandLine = Files.readString(UserFile.path(etc, "alice"));
        Files.writeString(UserFile.path(etc, "alice"), before);

        String notice = noticeAfter(post("action", "permit", "name", "alice",
                "permit", "publish:/live/alice\nread:/vod/** from 192.168.0.0/16, admin:/**"));

        assertEquals(byCommandLine, Files.readString(UserFile.path(etc, "alice")));
        assertEquals("<p class=\"statline ui-state-highlight\">User alice: permissions set to &#34;publish:/live/alice,"
                + " read:/vod/** from 192.168.0.0/16, admin:/**&#34;.</p>", notice);
        assertEquals(List.of("user alice: permissions set to \"publish:/live/alice, read:/vod/** from 192.168.0.0/16,"
                + " admin:/**\" from the web console by admin"), audit);

        noticeAfter(post("action", "permit", "name", "alice", "permit", "\n"));

        assertEquals("alice  no permissions\n", cli("", "list"));
    }

    @Test
    void thePermissionsFormHoldsTheCurrentPermissionsOnePerLine() throws Exception {
        cli("pw\n", "add", "alice", "--permit", "read:/cams/**, publish:/cams/alice");

        assertTrue(page().contains(">read:/cams/**\npublish:/cams/alice</textarea>"));
    }

    @Test
    void removeNeedsTheNameTypedAgain() throws Exception {
        cli("pw\n", "add", "alice");

        assertEquals("<p class=\"statline ui-state-error\">Refused: type the user name alice to confirm the"
                + " removal</p>", noticeAfter(post("action", "remove", "name", "alice", "confirm", "alise")));
        assertTrue(Files.exists(UserFile.path(etc, "alice")));

        assertEquals("<p class=\"statline ui-state-highlight\">User alice removed.</p>",
                noticeAfter(post("action", "remove", "name", "alice", "confirm", "alice")));
        assertFalse(Files.exists(UserFile.path(etc, "alice")));
        assertEquals("", cli("", "list"));
        assertEquals(List.of("user alice removed from the web console by admin"), audit);
    }

    @Test
    void badInputIsRefusedWithTheCommandLinesReasonAndChangesNoFile() throws Exception {
        cli("first\n", "add", "alice", "--permit", "read:/**");
        Map<String, String> before = files();
        Map<List<String>, String> refusals = new LinkedHashMap<>();
        refusals.put(List.of("action", "add", "name", "al/ice", "password", "pw", "repeat", "pw"),
                "bad user name &#34;al/ice&#34;: use 1 to 64 characters of A-Z a-z 0-9 . _ @ -");
        refusals.put(List.of("action", "add", "name", "", "password", "pw", "repeat", "pw"),
                "bad user name &#34;&#34;: use 1 to 64 characters of A-Z a-z 0-9 . _ @ -");
        refusals.put(List.of("action", "add", "name", "bob", "password", "pw", "repeat", "pw", "permit",
                "read:/ok\nreed:/x"), "bad permission &#34;reed:/x&#34;: unknown action &#34;reed&#34;"
                + " (read, publish or admin)");
        refusals.put(List.of("action", "add", "name", "bob", "password", "pw", "repeat", "pw", "permit",
                "read:/x from 10.0.0.1/8"), "bad permission &#34;read:/x from 10.0.0.1/8&#34;: &#34;10.0.0.1/8&#34;"
                + " has bits set past the prefix length (did you mean 10.0.0.0/8?)");
        refusals.put(List.of("action", "add", "name", "bob", "password", "pw", "repeat", "wp"),
                "the passwords do not match");
        refusals.put(List.of("action", "add", "name", "bob", "password", "", "repeat", ""), "the password is empty");
        refusals.put(List.of("action", "add", "name", "bob"), "the password is empty");
        refusals.put(List.of("action", "add", "name", "bob", "password", "x".repeat(1025), "repeat", "x".repeat(1025)),
                "the password is longer than 1024 bytes");
        refusals.put(List.of("action", "add", "name", "alice", "password", "pw", "repeat", "pw"),
                "user alice exists already (set its password with `tributary user passwd alice`)");
        refusals.put(List.of("action", "passwd", "name", "alice", "password", "new", "repeat", "neW"),
                "the passwords do not match");
        refusals.put(List.of("action", "passwd", "name", "alice", "password", "", "repeat", ""),
                "the password is empty");
        refusals.put(List.of("action", "passwd", "name", "bob", "password", "pw", "repeat", "pw"), "no user bob");
        refusals.put(List.of("action", "permit", "name", "alice", "permit", "read:cams"),
                "bad permission &#34;read:cams&#34;: path pattern &#34;cams&#34; does not start with /");
        refusals.put(List.of("action", "permit", "name", "bob", "permit", "read:/**"), "no user bob");
        refusals.put(List.of("action", "remove", "name", "bob", "confirm", "bob"), "no user bob");
        refusals.put(List.of("action", "remove", "name", "../alice", "confirm", "../alice"),
                "bad user name &#34;../alice&#34;: use 1 to 64 characters of A-Z a-z 0-9 . _ @ -");

        for (Map.Entry<List<String>, String> refusal : refusals.entrySet()) {
            String notice = noticeAfter(post(refusal.getKey().toArray(String[]::new)));
            assertEquals("<p class=\"statline ui-state-error\">Refused: " + refusal.getValue() + "</p>", notice,
                    refusal.getKey().toString());
            assertEquals(before, files(), refusal.getKey().toString());
        }
        assertTrue(PasswordHash.parse(stored("alice").password()).verify("first".toCharArray()));
        assertEquals(List.of(), audit);
    }

    @Test
    void postFromAnotherOriginIsForbiddenAndChangesNothing() throws Exception {
        String token = token();
        Map<String, String> add = parameters("action", "add", "name", "mallory", "password", "pw", "repeat", "pw",
                "permit", "admin:/**", "token", token);
        List<Map<String, String>> foreign = List.of(
                Map.of("Origin", "http://evil.example"),
                Map.of("Origin", "http://127.0.0.1:8081"),
                Map.of("Origin", "https://127.0.0.1:8080"),
                Map.of("Origin", "null"),
                Map.of("Origin", "http://evil.example", "Referer", "http://127.0.0.1:8080/system/console/users"),
                Map.of("Referer", "http://evil.example/system/console/users"),
                Map.of("Referer", "not a url"),
                Map.of());

        for (Map<String, String> headers : foreign) {
            FakeHttp.Response response = post(add, headers);
            assertEquals(403, response.status, headers.toString());
            assertEquals("Cross-origin request refused", response.errorMessage);
        }
        assertEquals(Map.of(), files());
        assertEquals(List.of(), audit);
    }

    @Test
    void postFromTheConsolesOwnPageByRefererAloneIsAccepted() throws Exception {
        FakeHttp.Response response = post(parameters("action", "add", "name", "alice", "password", "pw", "repeat",
                "pw", "token", token()), Map.of("Referer", "http://127.0.0.1:8080/system/console/users?notice=x"));

        assertEquals(303, response.status, response.errorMessage);
        assertTrue(Files.exists(UserFile.path(etc, "alice")));
    }

    @Test
    void postWithoutThisStartsTokenIsForbiddenAndChangesNothing() throws Exception {
        String token = token();
        String otherStart = new UsersConsolePlugin(etc, () -> server, new SecureRandom(), audit::add).formToken();
        for (String wrong : List.of("", "x", token.substring(1), token + "x", token.toUpperCase(), otherStart)) {
            FakeHttp.Response response = post(parameters("action", "add", "name", "mallory", "password", "pw",
                    "repeat", "pw", "token", wrong), SAME_ORIGIN);
            assertEquals(403, response.status, wrong);
        }
        FakeHttp.Response none = post(parameters("action", "add", "name", "mallory", "password", "pw", "repeat", "pw"),
                SAME_ORIGIN);
        assertEquals(403, none.status);
        assertEquals(Map.of(), files());
        assertEquals(List.of(), audit);
    }

    @Test
    void anUnknownActionIsABadRequest() throws Exception {
        assertEquals(400, post("action", "frobnicate", "name", "alice").status);
        assertEquals(400, post("name", "alice").status);
    }

    @Test
    void hostileNamesAndPermissionsInHandEditedFilesAreEscaped() throws Exception {
        Files.writeString(etc.resolve("io.tributary.user-x.cfg"), """
                name = <script>alert('name')</script>
                permit = read:/"><img src=x onerror=alert(1)>, read:/${evil}, read:/a\\\\b
                """, StandardCharsets.ISO_8859_1);
        Files.writeString(etc.resolve("io.tributary.user-eve.cfg"), """
                name = eve
                permit = read:/</textarea><script>alert(2)</script>
                """, StandardCharsets.ISO_8859_1);

        String page = page();

        assertFalse(page.contains("<script>"), page);
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("</textarea><script"), page);
        assertFalse(page.contains("${"), page);
        assertFalse(page.contains("\\"), page);
        assertTrue(page.contains("<tr><td>&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;</td>"), page);
        assertTrue(page.contains("read:/&#34;&gt;&lt;img src=x onerror=alert(1)&gt; <em>(ignored by the server:"), page);
        assertTrue(page.contains("read:/&#36;{evil} <em>(ignored by the server:"), page);
        assertTrue(page.contains("read:/a&#92;b"), page);
        assertTrue(page.contains("<td>Not a valid user name: the server ignores this user. No password: logins are off"
                + " for this user.</td><td>Fix or delete its file by hand.</td>"), page);
        assertTrue(page.contains(">read:/&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>"), page);
    }

    @Test
    void aNoticeIsShownOnceAndOnlyForTheIdOfTheRedirect() throws Exception {
        FakeHttp.Response response = post("action", "add", "name", "alice", "password", "pw", "repeat", "pw");
        String id = response.headers.get("Location").substring("/system/console/users?notice=".length());

        assertTrue(get(id).body().contains("User alice added"));
        assertFalse(get(id).body().contains("User alice added"));
        assertTrue(get("Your password was stolen").body().contains("1 user."));
    }

    @Test
    void theConfigurationFolderIsTributaryEtcElseEtcInTributaryHome() {
        assertEquals(Path.of("/srv/conf"), UsersConsolePlugin.configurationFolder("/srv/conf", "/srv/home"));
        assertEquals(Path.of("/srv/home/etc"), UsersConsolePlugin.configurationFolder(null, "/srv/home"));
        assertEquals(Path.of("/srv/home/etc"), UsersConsolePlugin.configurationFolder(" ", "/srv/home"));
    }

    @Test
    void aMissingFolderIsShownAndRefusesChanges() throws Exception {
        Path missing = etc.resolve("nope");
        plugin = new UsersConsolePlugin(missing, () -> server, new SecureRandom(), audit::add);

        assertTrue(page().contains("The users cannot be listed: no configuration folder " + missing));
        FakeHttp.Response response = post(parameters("action", "add", "name", "alice", "password", "pw", "repeat",
                "pw", "token", plugin.formToken()), SAME_ORIGIN);
        assertEquals("<p class=\"statline ui-state-error\">Refused: no configuration folder " + missing + "</p>",
                noticeAfter(response));
        assertFalse(Files.exists(missing));
    }
}
