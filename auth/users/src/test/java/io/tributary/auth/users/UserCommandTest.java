package io.tributary.auth.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.auth.users.internal.account.DigestSecrets;
import io.tributary.auth.users.internal.account.PasswordHash;
import io.tributary.auth.users.internal.account.StoredUser;
import io.tributary.auth.users.internal.account.UserFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCommandTest {
    @TempDir
    Path etc;

    /** What one run of the command did. */
    private record Run(int status, String out, String err) {
    }

    private Run run(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = UserCommand.run(etc, List.of(args), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                null, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private StoredUser stored(String name) throws IOException {
        return UserFile.read(etc, name).orElseThrow();
    }

    @Test
    void addTakesThePasswordFromTheFirstLineOfInput() throws IOException {
        Run run = run("open sesame\nignored\n", "add", "alice", "--permit", "read:/cams/**",
                "--permit", "publish:/cams/alice from 10.0.0.0/8 ::1");

        assertEquals(new Run(0, "added user alice: read:/cams/**, publish:/cams/alice from 10.0.0.0/8 ::1\n", ""), run);
        StoredUser alice = stored("alice");
        assertEquals("read:/cams/**, publish:/cams/alice from 10.0.0.0/8 ::1", alice.permit());
        assertTrue(PasswordHash.parse(alice.password()).verify("open sesame".toCharArray()));
        assertFalse(PasswordHash.parse(alice.password()).verify("ignored".toCharArray()));
        assertEquals(DigestSecrets.compute("alice", "Tributary", "open sesame".toCharArray()),
                new DigestSecrets(alice.digestRealm(), alice.digestMd5(), alice.digestSha256()));
    }

    @Test
    void userFilesAreReadableByTheirOwnerOnly() throws IOException {
        run("pw\n", "add", "alice");
        run("pw2\n", "passwd", "alice");
        run("", "permit", "alice", "read:/**");

        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(etc.resolve("io.tributary.user-alice.cfg"))));
    }

    @Test
    void listShowsUsersAndPermissionsButNoSecrets() {
        run("pw\n", "add", "alice", "--permit", "read:/cams/**");
        run("pw\n", "add", "bob.the.builder");

        Run run = run("", "list");

        assertEquals(new Run(0, """
                alice            read:/cams/**
                bob.the.builder  no permissions
                """, ""), run);
    }

    @Test
    void passwdChangesThePasswordAndKeepsThePermissions() throws IOException {
        run("old\n", "add", "alice", "--permit", "read:/cams/**");

        Run run = run("new\r\n", "passwd", "alice");

        assertEquals(new Run(0, "changed the password of alice\n", ""), run);
        StoredUser alice = stored("alice");
        assertEquals("read:/cams/**", alice.permit());
        assertTrue(PasswordHash.parse(alice.password()).verify("new".toCharArray()));
        assertFalse(PasswordHash.parse(alice.password()).verify("old".toCharArray()));
        assertEquals(DigestSecrets.compute("alice", "Tributary", "new".toCharArray()).md5(), alice.digestMd5());
    }

    @Test
    void passwdMakesDigestHashesForTheCurrentRealm() throws IOException {
        run("pw\n", "add", "alice");
        Files.writeString(etc.resolve("io.tributary.auth.cfg"), "realm = Cameras\n");

        run("pw\n", "passwd", "alice");

        StoredUser alice = stored("alice");
        assertEquals("Cameras", alice.digestRealm());
        assertEquals(DigestSecrets.compute("alice", "Cameras", "pw".toCharArray()).sha256(), alice.digestSha256());
    }

    @Test
    void permitReplacesThePermissionsAndKeepsThePassword() throws IOException {
        run("pw\n", "add", "alice", "--permit", "read:/cams/**");
        String hash = stored("alice").password();

        Run run = run("", "permit", "alice", "publish:/live/alice", "read:/vod/** from 192.168.0.0/16, admin:/**");

        assertEquals(new Run(0, "alice: publish:/live/alice, read:/vod/** from 192.168.0.0/16, admin:/**\n", ""), run);
        assertEquals("publish:/live/alice, read:/vod/** from 192.168.0.0/16, admin:/**", stored("alice").permit());
        assertEquals(hash, stored("alice").password());
        assertEquals(0, run("", "permit", "alice", "").status());
        assertEquals("", stored("alice").permit());
    }

    @Test
    void removeDeletesTheFile() {
        run("pw\n", "add", "alice");

        assertEquals(new Run(0, "removed user alice\n", ""), run("", "remove", "alice"));
        assertFalse(Files.exists(etc.resolve("io.tributary.user-alice.cfg")));
        assertEquals(new Run(1, "", "tributary user remove: no user alice\n"), run("", "remove", "alice"));
    }

    @Test
    void addRefusesAnExistingUser() throws IOException {
        run("first\n", "add", "alice");

        Run run = run("second\n", "add", "alice", "--permit", "admin:/**");

        assertEquals(new Run(1, "", "tributary user add: user alice exists already (set its password with"
                + " `tributary user passwd alice`)\n"), run);
        assertTrue(PasswordHash.parse(stored("alice").password()).verify("first".toCharArray()));
        assertEquals("", stored("alice").permit());
    }

    @Test
    void refusesBadNamesPermissionsAndPasswordsWithOneLine() {
        assertEquals(new Run(1, "", "tributary user add: bad user name \"al/ice\": use 1 to 64 characters of"
                + " A-Z a-z 0-9 . _ @ -\n"), run("pw\n", "add", "al/ice"));
        assertEquals(new Run(1, "", "tributary user add: bad permission \"reed:/x\": unknown action \"reed\""
                + " (read, publish or admin)\n"), run("pw\n", "add", "alice", "--permit", "reed:/x"));
        assertEquals(new Run(1, "", "tributary user add: the password is empty\n"), run("\n", "add", "alice"));
        assertEquals(new Run(1, "", "tributary user add: no password: type it on a terminal, or give it as the"
                + " first line of standard input\n"), run("", "add", "alice"));
        assertEquals(new Run(1, "", "tributary user passwd: no user bob\n"), run("pw\n", "passwd", "bob"));
        assertEquals(new Run(1, "", "tributary user permit: bad permission \"read:/x from 10.0.0.1/8\": \"10.0.0.1/8\""
                        + " has bits set past the prefix length (did you mean 10.0.0.0/8?)\n"),
                run("", "permit", "bob", "read:/x from 10.0.0.1/8"));
        assertEquals(List.of(), filesIn(etc));
    }

    @Test
    void wrongArgumentsPrintTheUsage() {
        for (List<String> args : List.of(List.<String>of(), List.of("frobnicate"), List.of("add"),
                List.of("add", "alice", "--permit"), List.of("add", "alice", "extra"), List.of("passwd"),
                List.of("permit", "alice"), List.of("remove", "a", "b"), List.of("list", "x"), List.of("init-admin", "x"))) {
            Run run = run("pw\n", args.toArray(String[]::new));
            assertEquals(2, run.status(), args.toString());
            assertTrue(run.err().contains("usage: tributary user add NAME [--permit P]..."), run.err());
        }
        Run help = run("", "help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("usage:"), help.out());
    }

    @Test
    void aMissingFolderIsOneClearError() {
        Path missing = etc.resolve("nope");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = UserCommand.run(missing, List.of("list"), InputStream.nullInputStream(), null,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, status);
        assertEquals("tributary user list: no configuration folder " + missing + "\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void initAdminMakesAnAdministratorOnceAndShowsThePasswordOnce() throws IOException {
        Run first = run("", "init-admin");

        assertEquals(0, first.status());
        assertEquals("", first.err());
        Matcher shown = Pattern.compile("\n {5}([^\\s]+)\n").matcher(first.out());
        assertTrue(shown.find(), first.out());
        String password = shown.group(1);
        assertEquals(UserCommand.GENERATED_LENGTH, password.length());
        assertTrue(password.chars().allMatch(c -> UserCommand.UNAMBIGUOUS.indexOf(c) >= 0), password);
        assertTrue(first.out().contains("shown only this once"), first.out());
        assertTrue(first.out().contains("tributary user passwd admin"), first.out());
        StoredUser admin = stored("admin");
        assertEquals("admin:/**", admin.permit());
        assertTrue(PasswordHash.parse(admin.password()).verify(password.toCharArray()));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(etc.resolve("io.tributary.user-admin.cfg"))));

        Run second = run("", "init-admin");

        assertEquals(new Run(0, "", ""), second);
        assertEquals(admin, stored("admin"));
    }

    @Test
    void initAdminDoesNothingWhenSomeoneMayAdminister() {
        run("pw\n", "add", "root", "--permit", "read:/**, admin:/console from 127.0.0.1");

        assertEquals(new Run(0, "", ""), run("", "init-admin"));
        assertFalse(Files.exists(etc.resolve("io.tributary.user-admin.cfg")));
    }

    @Test
    void initAdminLeavesAnExistingAdminUserAloneAndSaysWhy() throws IOException {
        run("pw\n", "add", "admin", "--permit", "read:/**");

        Run run = run("", "init-admin");

        assertEquals(0, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("tributary user init-admin: no user may administer, and user admin exists"),
                run.err());
        assertEquals("read:/**", stored("admin").permit());
    }

    @Test
    void runsOnAClassLoaderWithNothingButThisJarsClasses() throws Exception {
        // The launcher loads the command from this bundle's jar alone: no API bundle, no SLF4J, no Caffeine.
        URL classes = UserCommand.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader alone = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Method run = alone.loadClass(UserCommand.class.getName()).getMethod("run", Path.class, List.class,
                    InputStream.class, Console.class, PrintStream.class, PrintStream.class);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            List<List<String>> commands = List.of(List.of("add", "alice", "--permit", "read:/**"),
                    List.of("permit", "alice", "admin:/**"), List.of("list"), List.of("init-admin"),
                    List.of("remove", "alice"));
            for (List<String> command : commands) {
                InputStream in = new ByteArrayInputStream("pw\n".getBytes(StandardCharsets.UTF_8));
                assertEquals(0, run.invoke(null, etc, command, in, null, print, print), command + ": " + out);
            }
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("alice  admin:/**"), out.toString());
        }
    }

    private static List<String> filesIn(Path folder) {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
