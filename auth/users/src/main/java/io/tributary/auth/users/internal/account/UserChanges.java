package io.tributary.auth.users.internal.account;

import io.tributary.auth.users.internal.permit.Permit;
import io.tributary.auth.users.internal.permit.PermitParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The changes an operator makes to the users of one {@code etc/} folder: add, set a password,
 * replace the permissions, remove, list. The command line ({@code tributary user}) and the web
 * console's Users tab both go through here, so that they refuse the same things with the same
 * words and write the same files (through {@link UserFile}, the one writer of the format).
 *
 * <p>Setting a password takes two steps, {@link #add} or {@link #passwd} and then
 * {@link Pending#write}: the command line asks for the password only once the rest is known to
 * be right. Every method that takes a password wipes it.
 */
public final class UserChanges {
    /** Longest password, in UTF-8 bytes (the command line reads at most this much of a line). */
    public static final int MAX_PASSWORD_BYTES = 1024;

    private final Path etc;
    private final SecureRandom random;

    public UserChanges(Path etc, SecureRandom random) {
        this.etc = etc;
        this.random = random;
    }

    /** The folder the users' files are in. */
    public Path etc() {
        return etc;
    }

    /** Refuses when the folder is missing, rather than failing later on a file in it. */
    public void checkFolder() throws Refusal {
        if (!Files.isDirectory(etc)) {
            throw new Refusal("no configuration folder " + etc);
        }
    }

    /**
     * Checks that a new user can be added with these permissions.
     *
     * @throws IllegalArgumentException when the name breaks the {@link UserName} rule
     * @throws Refusal                  when the user exists already
     * @throws IOException              when the realm cannot be read from {@code io.tributary.auth.cfg}
     */
    public Pending add(String name, List<Permit> permits) throws IOException, Refusal {
        UserName.check(name);
        refuseExisting(name);
        return new Pending(new StoredUser(name, "", "", "", "", PermitParser.format(permits)), AuthFile.realm(etc),
                true);
    }

    /** Checks that an existing user's password can be set; the permissions stay. */
    public Pending passwd(String name) throws IOException, Refusal {
        return new Pending(existing(name), AuthFile.realm(etc), false);
    }

    /**
     * Replaces a user's permissions; the password stays.
     *
     * @return the permissions as stored (canonical text, empty for none)
     */
    public String permit(String name, List<Permit> permits) throws IOException, Refusal {
        StoredUser stored = existing(name);
        String permit = PermitParser.format(permits);
        UserFile.write(etc, stored.withPermit(permit));
        return permit;
    }

    /** Deletes a user's file. */
    public void remove(String name) throws IOException, Refusal {
        UserName.check(name);
        if (!UserFile.delete(etc, name)) {
            throw new Refusal("no user " + name);
        }
    }

    /** The users whose files can be read, by name, and the files that cannot. */
    public Listing list() throws IOException {
        List<StoredUser> users = new ArrayList<>();
        List<IOException> unreadable = new ArrayList<>();
        for (Path file : UserFile.list(etc)) {
            try {
                StoredUser stored = UserFile.read(file);
                String name = stored.name().isEmpty() ? UserFile.nameOf(file) : stored.name();
                users.add(new StoredUser(name, stored.password(), stored.digestRealm(), stored.digestMd5(),
                        stored.digestSha256(), stored.permit()));
            } catch (IOException e) {
                unreadable.add(e);
            }
        }
        return new Listing(users, unreadable);
    }

    /**
     * The permissions of several texts (the command line's arguments, the console's lines), each
     * holding any number of comma-separated permissions.
     *
     * @throws IllegalArgumentException naming the first bad permission
     */
    public static List<Permit> permits(List<String> texts) {
        List<Permit> permits = new ArrayList<>();
        for (String text : texts) {
            permits.addAll(PermitParser.parseAll(text));
        }
        return List.copyOf(permits);
    }

    /**
     * The password typed twice, when both are the same; wipes the second, and the first too
     * when they differ.
     */
    public static char[] repeated(char[] first, char[] second) throws Refusal {
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new Refusal("the passwords do not match");
        }
        return first;
    }

    /** Refuses a password that is empty or longer than {@value #MAX_PASSWORD_BYTES} UTF-8 bytes. */
    static void checkPassword(char[] password) throws Refusal {
        if (password.length == 0) {
            throw new Refusal("the password is empty");
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        int length = bytes.remaining();
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        if (length > MAX_PASSWORD_BYTES) {
            throw new Refusal("the password is longer than " + MAX_PASSWORD_BYTES + " bytes");
        }
    }

    /** An I/O failure as one line for the operator. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private StoredUser existing(String name) throws IOException, Refusal {
        Optional<StoredUser> stored = UserFile.read(etc, UserName.check(name));
        if (stored.isEmpty()) {
            throw new Refusal("no user " + name);
        }
        return stored.get();
    }

    private void refuseExisting(String name) throws Refusal {
        if (Files.exists(UserFile.path(etc, name))) {
            throw new Refusal("user " + name + " exists already (set its password with `tributary user passwd " + name
                    + "`)");
        }
    }

    /**
     * The users of a folder as {@link #list} found them.
     *
     * @param users      the readable files, by file name; a file without a {@code name} is named after the file
     * @param unreadable why the other files could not be read
     */
    public record Listing(List<StoredUser> users, List<IOException> unreadable) {
        public Listing {
            users = List.copyOf(users);
            unreadable = List.copyOf(unreadable);
        }
    }

    /** A user checked and ready to be written, but for the new password. */
    public final class Pending {
        private final StoredUser user;
        private final String realm;
        private final boolean created;

        private Pending(StoredUser user, String realm, boolean created) {
            this.user = user;
            this.realm = realm;
            this.created = created;
        }

        /** The user's permissions as they will be stored. */
        public String permit() {
            return user.permit();
        }

        /**
         * Writes the user with this password (its PBKDF2 hash and the Digest values for the
         * realm), then wipes the password, also when refused.
         *
         * @throws Refusal when the password is empty or too long, or a new user has appeared
         *                 meanwhile (someone else added it)
         */
        public void write(char[] password) throws IOException, Refusal {
            try {
                checkPassword(password);
                if (created) {
                    refuseExisting(user.name());
                }
                UserFile.write(etc, user.withPassword(PasswordHash.create(password, random),
                        DigestSecrets.compute(user.name(), realm, password)));
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }
}
