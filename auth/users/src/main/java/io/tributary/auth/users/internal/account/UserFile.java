package io.tributary.auth.users.internal.account;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The user files: {@code etc/io.tributary.user-<name>.cfg}, one per user, which FileInstall
 * reads into the factory configuration {@code io.tributary.user~<name>}. This class alone
 * knows their format: Java properties in ISO-8859-1 (FileInstall's default encoding) with
 * everything else {@code \}u-escaped, a comment header saying where the file comes from and
 * how to change it, and the properties {@code name}, {@code password}, {@code digestRealm},
 * {@code digestMd5}, {@code digestSha256} and {@code permit}.
 *
 * <p>Files are written to a temporary file of mode 0600 in the same folder (a name FileInstall
 * ignores), flushed to disk, then moved over the old file in one step, so FileInstall never
 * reads half a file and the secrets are never readable by others.
 */
public final class UserFile {
    public static final String PREFIX = "io.tributary.user-";
    public static final String SUFFIX = ".cfg";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private UserFile() {
    }

    /** The file of a user. */
    public static Path path(Path etc, String name) {
        return etc.resolve(PREFIX + UserName.check(name) + SUFFIX);
    }

    /** The user files in a folder, by file name. */
    public static List<Path> list(Path etc) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(etc, PREFIX + "*" + SUFFIX)) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /** The user name a file's name gives (FileInstall's alias): what follows the prefix. */
    public static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(PREFIX.length(), fileName.length() - SUFFIX.length());
    }

    /**
     * A user's file, or empty when there is none.
     *
     * @throws IOException when it cannot be read, or names another user than its file name
     */
    public static Optional<StoredUser> read(Path etc, String name) throws IOException {
        Path file = path(etc, name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        StoredUser stored = read(file);
        if (!stored.name().isEmpty() && !stored.name().equals(name)) {
            throw new IOException(file + " is for user \"" + stored.name() + "\", not " + name
                    + ": rename or fix the file");
        }
        return Optional.of(new StoredUser(name, stored.password(), stored.digestRealm(), stored.digestMd5(),
                stored.digestSha256(), stored.permit()));
    }

    /** The properties of a user file (as FileInstall reads them, less its {@code ${...}} substitution). */
    public static StoredUser read(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in); // ISO-8859-1 with \\u escapes, as FileInstall reads .cfg files
        } catch (IllegalArgumentException malformed) {
            throw new IOException(file + ": " + malformed.getMessage(), malformed);
        }
        return new StoredUser(properties.getProperty("name"), properties.getProperty("password"),
                properties.getProperty("digestRealm"), properties.getProperty("digestMd5"),
                properties.getProperty("digestSha256"), properties.getProperty("permit"));
    }

    /**
     * Writes a user's file, replacing the old one in one step.
     *
     * @throws IllegalArgumentException when a value holds {@code ${}, which FileInstall would replace
     */
    public static void write(Path etc, StoredUser user) throws IOException {
        Path target = path(etc, user.name());
        byte[] text = format(user).getBytes(StandardCharsets.ISO_8859_1);
        Path temp = privateTempFile(etc);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(text);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Deletes a user's file; {@code false} when there was none. */
    public static boolean delete(Path etc, String name) throws IOException {
        return Files.deleteIfExists(path(etc, name));
    }

    /** The text of a user's file. */
    public static String format(StoredUser user) {
        String name = UserName.check(user.name());
        String header = """
                # Tributary user "%1$s", written by `tributary user`. Change it with that command:
                #   tributary user passwd %1$s           new password
                #   tributary user permit %1$s P...      new permissions (P as below)
                #   tributary user remove %1$s           delete the user
                # The server applies a change to this file within about a second, without a restart.
                #
                # password: PBKDF2 hash (pbkdf2-sha512:<iterations>:<salt>:<hash>) for Basic and console logins.
                # digestMd5, digestSha256: H(user:realm:password) with MD5 and SHA-256. Digest logins need these
                #   values themselves (Digest cannot work from a slow salted hash), so whoever reads them can log
                #   in as this user with Digest in realm digestRealm: keep this file readable by its owner only.
                #   They work only while digestRealm is the realm of io.tributary.auth.cfg; after changing that
                #   realm, set the password again.
                # permit: <read|publish|admin>:<path pattern>[ tls][ from <address range> ...], comma-separated;
                #   in patterns * is one path segment and ** any number, e.g.
                #   read:/cams/**, publish:/cams/%1$s from 10.0.0.0/8 ::1
                """.formatted(name);
        return header
                + property("name", name)
                + property("password", user.password())
                + property("digestRealm", user.digestRealm())
                + property("digestMd5", user.digestMd5())
                + property("digestSha256", user.digestSha256())
                + property("permit", user.permit());
    }

    private static String property(String key, String value) {
        if (value.contains("${")) {
            throw new IllegalArgumentException(key + " holds \"${\", which FileInstall would replace");
        }
        StringBuilder line = new StringBuilder(key).append(" = ");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                case '\f' -> line.append("\\f");
                case ' ' -> line.append(i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.append('\n').toString();
    }

    private static Path privateTempFile(Path etc) throws IOException {
        // ".tmp": FileInstall reads *.cfg only, so it never sees the file before the move
        if (!etc.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(etc, ".tributary-user-", ".tmp");
        }
        Path temp = Files.createTempFile(etc, ".tributary-user-", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.setPosixFilePermissions(temp, OWNER_ONLY); // whatever the umask did
        return temp;
    }
}
