package io.tributary.auth.users.internal.account;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The shared settings file {@code etc/io.tributary.auth.cfg} (PID {@value #PID}), as the
 * command line reads it; the server gets the same values from Config Admin. Its defaults
 * live here so that both agree.
 */
public final class AuthFile {
    public static final String PID = "io.tributary.auth";
    public static final String DEFAULT_REALM = "Tributary";
    /** Anyone may read anything; publishing needs no login only from the server's own machine. */
    public static final String DEFAULT_ANONYMOUS = "read:/**, publish:/** from 127.0.0.0/8 ::1";

    private AuthFile() {
    }

    /** The realm: the {@code realm} property, or {@value #DEFAULT_REALM} when the file or the value is absent. */
    public static String realm(Path etc) throws IOException {
        Path file = etc.resolve(PID + ".cfg");
        if (!Files.exists(file)) {
            return DEFAULT_REALM;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IllegalArgumentException malformed) {
            throw new IOException(file + ": " + malformed.getMessage(), malformed);
        }
        String realm = realmOrDefault(properties.getProperty("realm"));
        if (realm.contains("${")) {
            throw new IOException("the realm in " + file + " refers to a property (${...}), which only the server"
                    + " resolves: write the realm itself");
        }
        return realm;
    }

    /** The realm to use for a configured value: the value, or the default when it is blank. */
    public static String realmOrDefault(String configured) {
        return configured == null || configured.isBlank() ? DEFAULT_REALM : configured.strip();
    }
}
