package io.tributary.auth.users;

import io.tributary.auth.users.internal.account.Refusal;
import io.tributary.auth.users.internal.account.StoredUser;
import io.tributary.auth.users.internal.account.UserChanges;
import io.tributary.auth.users.internal.account.UserFile;
import io.tributary.auth.users.internal.account.UserName;
import io.tributary.auth.users.internal.permit.Action;
import io.tributary.auth.users.internal.permit.Permit;
import io.tributary.auth.users.internal.permit.PermitParser;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code tributary user}: adds, changes, lists and removes the users of Tributary's user
 * store by writing their files in the server's {@code etc/} folder (FileInstall hands the
 * changes to the running server within about a second). Needs no OSGi framework and nothing
 * but the JDK on its class path.
 *
 * <pre>
 * tributary user add NAME [--permit P]...   new user; password from the terminal or stdin's first line
 * tributary user passwd NAME                new password (permissions stay)
 * tributary user permit NAME P...           replace the permissions
 * tributary user remove NAME                delete the user
 * tributary user list                       users and their permissions
 * tributary user init-admin                 make user admin when nobody may administer (launcher)
 * </pre>
 */
public final class UserCommand {
    /** Exit status: done. */
    public static final int OK = 0;
    /** Exit status: refused or failed (one line on the error stream says why). */
    public static final int ERROR = 1;
    /** Exit status: the arguments are wrong (the usage is printed). */
    public static final int USAGE = 2;
    /** Length of a generated password: 20 characters of 55, about 115 bits. */
    static final int GENERATED_LENGTH = 20;
    /** Letters and digits that cannot be mistaken for one another (no 0/O/o, 1/l/I). */
    static final String UNAMBIGUOUS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    static final String ADMIN = "admin";
    private static final int MAX_PASSWORD_BYTES = UserChanges.MAX_PASSWORD_BYTES;
    private static final String USAGE_TEXT = """
            usage: tributary user add NAME [--permit P]...   add a user
                   tributary user passwd NAME                set a user's password
                   tributary user permit NAME P...           replace a user's permissions
                   tributary user remove NAME                remove a user
                   tributary user list                       list users and their permissions
                   tributary user init-admin                 add user admin when nobody may administer
            NAME: 1 to 64 characters of A-Z a-z 0-9 . _ @ -
            P:    <read|publish|admin>:<path pattern>[ tls][ from <address range> ...], several separated by
                  commas; in patterns * is one path segment and ** any number, e.g.
                  "read:/cams/**, publish:/cams/alice from 10.0.0.0/8 ::1"
            The password is asked twice on the terminal, or read from the first line of standard input.
            """;

    private final Path etc;
    private final UserChanges changes;
    private final InputStream in;
    private final Console console;
    private final PrintStream out;
    private final PrintStream err;
    private final SecureRandom random = new SecureRandom();

    private UserCommand(Path etc, InputStream in, Console console, PrintStream out, PrintStream err) {
        this.etc = etc;
        this.changes = new UserChanges(etc, random);
        this.in = in;
        this.console = console;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs one command.
     *
     * @param etc     the server's configuration folder
     * @param args    the command and its arguments, without the leading word {@code user}
     * @param in      where a password is read from (its first line) when there is no console
     * @param console the terminal to ask passwords on (not echoed), or null
     * @param out     where results go
     * @param err     where errors go, one line each
     * @return {@link #OK}, {@link #ERROR} or {@link #USAGE}
     */
    public static int run(Path etc, List<String> args, InputStream in, Console console, PrintStream out,
                          PrintStream err) {
        return new UserCommand(etc, in, console, out, err).execute(List.copyOf(args));
    }

    /** For manual use: {@code UserCommand --etc DIR <command> [arguments]}. */
    public static void main(String[] args) {
        List<String> all = List.of(args);
        if (all.size() < 2 || !all.get(0).equals("--etc")) {
            System.err.println("usage: UserCommand --etc DIR <command> [arguments] (UserCommand --etc DIR help)");
            System.exit(USAGE);
        }
        System.exit(run(Path.of(all.get(1)), all.subList(2, all.size()), System.in, terminal(), System.out,
                System.err));
    }

    private int execute(List<String> args) {
        if (args.isEmpty()) {
            return usage("a command is missing");
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (List.of("help", "--help", "-h").contains(command)) {
            out.print(USAGE_TEXT);
            return OK;
        }
        try {
            changes.checkFolder();
            return switch (command) {
                case "add" -> add(rest);
                case "passwd" -> passwd(rest);
                case "permit" -> permit(rest);
                case "remove" -> remove(rest);
                case "list" -> list(rest);
                case "init-admin" -> initAdmin(rest);
                default -> usage("unknown command \"" + command + "\"");
            };
        } catch (Refusal | IllegalArgumentException e) {
            return error(command, e.getMessage());
        } catch (IOException e) {
            return error(command, UserChanges.describe(e));
        }
    }

    private int add(List<String> args) throws IOException, Refusal {
        if (args.isEmpty()) {
            return usage("add needs a user name");
        }
        String name = UserName.check(args.get(0));
        List<String> permitTexts = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--permit") && i + 1 < args.size()) {
                permitTexts.add(args.get(++i));
            } else if (arg.startsWith("--permit=")) {
                permitTexts.add(arg.substring("--permit=".length()));
            } else {
                return usage(arg.equals("--permit") ? "--permit needs a permission" : "unexpected \"" + arg + "\"");
            }
        }
        UserChanges.Pending user = changes.add(name, UserChanges.permits(permitTexts));
        user.write(newPassword(name));
        out.println("added user " + name + ": " + describePermit(user.permit()));
        return OK;
    }

    private int passwd(List<String> args) throws IOException, Refusal {
        if (args.size() != 1) {
            return usage("passwd needs exactly one user name");
        }
        String name = UserName.check(args.get(0));
        changes.passwd(name).write(newPassword(name));
        out.println("changed the password of " + name);
        return OK;
    }

    private int permit(List<String> args) throws IOException, Refusal {
        if (args.size() < 2) {
            return usage("permit needs a user name and permissions (\"\" for none)");
        }
        String name = UserName.check(args.get(0));
        List<Permit> permits = UserChanges.permits(args.subList(1, args.size()));
        String permit = changes.permit(name, permits);
        out.println(name + ": " + describePermit(permit));
        return OK;
    }

    private int remove(List<String> args) throws IOException, Refusal {
        if (args.size() != 1) {
            return usage("remove needs exactly one user name");
        }
        String name = UserName.check(args.get(0));
        changes.remove(name);
        out.println("removed user " + name);
        return OK;
    }

    private int list(List<String> args) throws IOException {
        if (!args.isEmpty()) {
            return usage("list takes no arguments");
        }
        UserChanges.Listing listing = changes.list();
        for (IOException unreadable : listing.unreadable()) {
            error("list", UserChanges.describe(unreadable));
        }
        int width = listing.users().stream().mapToInt(user -> user.name().length()).max().orElse(0);
        for (StoredUser user : listing.users()) {
            out.println(user.name() + " ".repeat(width - user.name().length() + 2) + describePermit(user.permit()));
        }
        return listing.unreadable().isEmpty() ? OK : ERROR;
    }

    private int initAdmin(List<String> args) throws IOException, Refusal {
        if (!args.isEmpty()) {
            return usage("init-admin takes no arguments");
        }
        if (anyAdministrator()) {
            return OK;
        }
        if (Files.exists(UserFile.path(etc, ADMIN))) {
            // Not fatal for the server (it still serves streams); the operator must choose who administers.
            error("init-admin", "no user may administer, and user admin exists already: give a user the admin"
                    + " permission with `tributary user permit NAME admin:/**`");
            return OK;
        }
        char[] password = generatePassword();
        try {
            changes.add(ADMIN, List.of(PermitParser.parse(Action.ADMIN.token() + ":/**"))).write(password.clone());
            out.print(banner(password));
        } finally {
            Arrays.fill(password, '\0');
        }
        return OK;
    }

    /** {@code true} when a user file grants an admin permission (unreadable files and entries do not count). */
    private boolean anyAdministrator() throws IOException {
        for (Path file : UserFile.list(etc)) {
            try {
                boolean admin = PermitParser.parseValid(UserFile.read(file).permit(), (entry, reason) -> { })
                        .stream().anyMatch(permit -> permit.action() == Action.ADMIN);
                if (admin) {
                    return true;
                }
            } catch (IOException unreadable) {
                // not an administrator we can vouch for
            }
        }
        return false;
    }

    private char[] generatePassword() {
        char[] password = new char[GENERATED_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = UNAMBIGUOUS.charAt(random.nextInt(UNAMBIGUOUS.length()));
        }
        return password;
    }

    private static String banner(char[] password) {
        String line = "-".repeat(72);
        return line + "\n"
                + " Tributary made the administrator account \"admin\". Its password is\n"
                + "\n"
                + "     " + new String(password) + "\n"
                + "\n"
                + " It is shown only this once: note it now. Log in as admin with it, and\n"
                + " change it with:  tributary user passwd admin\n"
                + line + "\n";
    }

    /** A new password: asked twice on the console, else the first line of the input. */
    private char[] newPassword(String name) throws IOException, Refusal {
        return console != null ? fromConsole(name) : firstLine();
    }

    private char[] fromConsole(String name) throws Refusal {
        char[] first = console.readPassword("New password for %s: ", name);
        if (first == null) {
            throw new Refusal("no password given");
        }
        char[] second = console.readPassword("Repeat the password: ");
        if (second == null) {
            Arrays.fill(first, '\0');
            throw new Refusal("the passwords do not match");
        }
        return UserChanges.repeated(first, second);
    }

    /** The first line of the input (without its line end), decoded as UTF-8. */
    private char[] firstLine() throws IOException, Refusal {
        byte[] line = new byte[MAX_PASSWORD_BYTES + 1];
        int length = 0;
        boolean ended = false;
        try {
            int b;
            while (in != null && (b = in.read()) >= 0) {
                if (b == '\n') {
                    ended = true;
                    break;
                }
                if (length == line.length) {
                    throw new Refusal("the password is longer than " + MAX_PASSWORD_BYTES + " bytes");
                }
                line[length++] = (byte) b;
            }
            if (length == 0 && !ended) {
                throw new Refusal("no password: type it on a terminal, or give it as the first line of standard"
                        + " input");
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            if (length > MAX_PASSWORD_BYTES) {
                throw new Refusal("the password is longer than " + MAX_PASSWORD_BYTES + " bytes");
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, length));
            char[] password = new char[chars.remaining()];
            chars.get(password);
            Arrays.fill(chars.array(), '\0');
            return password;
        } catch (CharacterCodingException e) {
            throw new Refusal("the password is not UTF-8");
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    private static String describePermit(String permit) {
        return permit.isBlank() ? "no permissions" : permit;
    }

    private int usage(String problem) {
        err.println("tributary user: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    private int error(String command, String message) {
        err.println("tributary user " + command + ": " + message);
        return ERROR;
    }

    /**
     * The terminal to ask passwords on, or null. Since JDK 22 {@link System#console()} also
     * answers when the standard streams are redirected ({@code printf 'pw\n' | tributary user add
     * alice}); then the password is read from standard input.
     */
    private static Console terminal() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal"); // JDK 22+
            return Boolean.TRUE.equals(isTerminal.invoke(console)) ? console : null;
        } catch (ReflectiveOperationException jdk21) {
            return console; // before JDK 22, a console is always a terminal
        }
    }
}
