package io.tributary.auth.users.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.felix.fileinstall.shaded.util.properties.TypedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFileTest {
    @TempDir
    Path etc;

    private static StoredUser alice(String realm) {
        char[] password = "secret".toCharArray();
        return new StoredUser("alice", "", "", "", "", "read:/cams/**, publish:/cams/alice from 10.0.0.0/8 ::1")
                .withPassword(PasswordHash.create(password, new SecureRandom()),
                        DigestSecrets.compute("alice", realm, password));
    }

    @Test
    void fileInstallReadsTheValuesThatWereWritten() throws IOException {
        StoredUser alice = alice(" Tributary \\ Zürich 東京 #1 = ok: !");

        UserFile.write(etc, alice);

        Map<String, Object> read = fileInstallRead(etc.resolve("io.tributary.user-alice.cfg"));
        assertEquals(Map.of("name", alice.name(), "password", alice.password(), "digestRealm", alice.digestRealm(),
                "digestMd5", alice.digestMd5(), "digestSha256", alice.digestSha256(), "permit", alice.permit()), read);
        assertEquals(Optional.of(alice), UserFile.read(etc, "alice"));
    }

    @Test
    void theFileIsPlainAsciiWithACommentHeader() throws IOException {
        UserFile.write(etc, alice("Tributary"));

        String text = Files.readString(etc.resolve("io.tributary.user-alice.cfg"), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("# Tributary user \"alice\", written by `tributary user`."), text);
        assertTrue(text.contains("#   tributary user passwd alice"), text);
        assertTrue(text.contains("Digest cannot work from a slow salted hash"), text);
        assertTrue(text.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), text);
        List<String> properties = text.lines().filter(line -> !line.startsWith("#")).map(line -> line.split(" = ")[0])
                .toList();
        assertEquals(List.of("name", "password", "digestRealm", "digestMd5", "digestSha256", "permit"), properties);
    }

    @Test
    void theFileIsReadableAndWritableByItsOwnerOnly() throws IOException {
        UserFile.write(etc, alice("Tributary"));
        UserFile.write(etc, alice("Tributary").withPermit("admin:/**"));

        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(etc.resolve("io.tributary.user-alice.cfg"))));
    }

    @Test
    void replacingAFileLeavesNothingElseInTheFolder() throws IOException {
        UserFile.write(etc, alice("Tributary"));
        UserFile.write(etc, alice("Tributary").withPermit(""));

        try (Stream<Path> files = Files.list(etc)) {
            assertEquals(List.of("io.tributary.user-alice.cfg"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals("", UserFile.read(etc, "alice").orElseThrow().permit());
    }

    @Test
    void refusesValuesFileInstallWouldRewrite() {
        StoredUser user = alice("${karaf.name}");
        assertEquals("digestRealm holds \"${\", which FileInstall would replace",
                assertThrows(IllegalArgumentException.class, () -> UserFile.write(etc, user)).getMessage());
        assertFalse(Files.exists(etc.resolve("io.tributary.user-alice.cfg")));
    }

    @Test
    void listsUserFilesByNameAndTellsTheirUsers() throws IOException {
        UserFile.write(etc, alice("Tributary"));
        StoredUser bob = new StoredUser("b.o-b@x_y", "", "", "", "", "");
        UserFile.write(etc, bob);
        Files.writeString(etc.resolve("io.tributary.auth.cfg"), "realm = x\n");
        Files.writeString(etc.resolve("io.tributary.user-carol.cfg.bak"), "name = carol\n");

        List<Path> files = UserFile.list(etc);

        assertEquals(List.of("alice", "b.o-b@x_y"), files.stream().map(UserFile::nameOf).toList());
        assertEquals(Optional.of(bob), UserFile.read(etc, "b.o-b@x_y"));
        assertEquals(Optional.empty(), UserFile.read(etc, "carol"));
    }

    @Test
    void refusesAFileThatNamesAnotherUser() throws IOException {
        Files.writeString(etc.resolve("io.tributary.user-bob.cfg"), "name = alice\n");

        IOException e = assertThrows(IOException.class, () -> UserFile.read(etc, "bob"));
        assertTrue(e.getMessage().endsWith("is for user \"alice\", not bob: rename or fix the file"), e.getMessage());
    }

    @Test
    void namesMustBeSafeFileNames() {
        for (String bad : List.of("", "../x", "a/b", "a b", "a:b", "ä", "x".repeat(65))) {
            assertThrows(IllegalArgumentException.class, () -> UserFile.path(etc, bad), bad);
        }
        assertEquals(etc.resolve("io.tributary.user-" + "x".repeat(64) + ".cfg"), UserFile.path(etc, "x".repeat(64)));
    }

    @Test
    void theRealmComesFromTheSharedSettingsFileOrIsTributary() throws IOException {
        assertEquals("Tributary", AuthFile.realm(etc));
        Files.writeString(etc.resolve("io.tributary.auth.cfg"), "anonymous = read:/**\n");
        assertEquals("Tributary", AuthFile.realm(etc));
        Files.writeString(etc.resolve("io.tributary.auth.cfg"), "realm = Cameras\\u00e9\n");
        assertEquals("Camerasé", AuthFile.realm(etc));
        Files.writeString(etc.resolve("io.tributary.auth.cfg"), "realm = ${host}\n");
        assertThrows(IOException.class, () -> AuthFile.realm(etc));
    }

    /** What FileInstall 3.7.4 puts into Config Admin for a .cfg file (its reader, default encoding). */
    private static Map<String, Object> fileInstallRead(Path file) throws IOException {
        TypedProperties properties = new TypedProperties((TypedProperties.SubstitutionCallback) null);
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        Map<String, Object> values = new HashMap<>();
        for (String key : properties.keySet()) {
            values.put(key, properties.get(key));
        }
        return values;
    }
}
