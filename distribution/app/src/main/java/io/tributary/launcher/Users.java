package io.tributary.launcher;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's user commands ({@code tributary user add|passwd|permit|remove|list}), run
 * by the user store's own code: {@code io.tributary.auth.users.UserCommand} from the
 * auth/users plugin jar, loaded outside the framework. It only reads and writes the user
 * files in the configuration folder, so it works whether or not a server is running; a
 * running server's FileInstall applies a change within a second.
 */
public final class Users {
    private static final Logger LOG = LoggerFactory.getLogger(Users.class);
    private static final String JAR_PREFIX = "io.tributary.auth.users-";
    private static final String COMMAND = "io.tributary.auth.users.UserCommand";

    private Users() {
    }

    /**
     * Runs one user command.
     *
     * @return the exit status: 0 done, 1 failed, 2 bad usage
     */
    public static int run(Path home, Path etc, List<String> args, InputStream in, Console console, PrintStream out,
                          PrintStream err) {
        Optional<Path> jar = jar(home);
        if (jar.isEmpty()) {
            err.println("tributary: user commands need the auth/users plugin (" + JAR_PREFIX + "*.jar in "
                    + Layout.deploy(home) + " or " + Layout.system(home) + ")");
            return 1;
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.get().toUri().toURL()},
                Users.class.getClassLoader())) {
            Method run = loader.loadClass(COMMAND).getMethod("run", Path.class, List.class, InputStream.class,
                    Console.class, PrintStream.class, PrintStream.class);
            return (Integer) run.invoke(null, etc, List.copyOf(args), in, console, out, err);
        } catch (InvocationTargetException e) {
            err.println("tributary: user command failed: " + e.getCause());
            return 1;
        } catch (IOException | ReflectiveOperationException | LinkageError e) {
            err.println("tributary: cannot run user commands from " + jar.get() + ": " + e);
            return 1;
        }
    }

    /**
     * At every start: creates the first administrator when there is none, printing its random
     * password once on the terminal (only its hash is stored).
     *
     * @return whether an administrator exists now
     */
    static boolean ensureAdmin(Path home, Path etc) {
        if (jar(home).isEmpty()) {
            LOG.warn("The auth/users plugin is not installed: no user can log in, and the web console is closed");
            return false;
        }
        int status = run(home, etc, List.of("init-admin"), InputStream.nullInputStream(), null, System.out, System.err);
        return status == 0;
    }

    /** The auth/users jar in deploy/ (where it is shipped) or system/. */
    private static Optional<Path> jar(Path home) {
        for (Path folder : List.of(Layout.deploy(home), Layout.system(home))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                Optional<Path> found = files.filter(f -> f.getFileName().toString().startsWith(JAR_PREFIX)
                        && f.getFileName().toString().endsWith(".jar")).sorted().findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException e) {
                LOG.debug("cannot list {}: {}", folder, e.toString());
            }
        }
        return Optional.empty();
    }
}
