package io.tributary.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration folder. When it is not the runtime folder's own {@code etc/}, it is made
 * on first start from the shipped defaults and from then on belongs to the operator: nothing
 * is copied over it again, so users, certificates and edits survive rebuilds. It is readable
 * by the server's user only (made so at every start), since it holds password hashes and keys.
 */
final class EtcFolder {
    private static final Logger LOG = LoggerFactory.getLogger(EtcFolder.class);

    private EtcFolder() {
    }

    static void prepare(Path shipped, Path etc) throws StartupException {
        try {
            if (Files.isDirectory(etc)) {
                restrict(etc);
                return;
            }
            Files.createDirectories(etc.getParent());
            Path fresh = Files.createTempDirectory(etc.getParent(), ".etc-");
            if (Files.isDirectory(shipped) && !shipped.equals(etc)) {
                try (Stream<Path> files = Files.list(shipped)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(file, fresh.resolve(file.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            restrict(fresh);
            Files.move(fresh, etc, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Created the configuration folder {} from the shipped defaults", etc);
        } catch (IOException e) {
            throw new StartupException("cannot create the configuration folder " + etc + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path folder) throws IOException {
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("no POSIX permissions on this file system: {} keeps its default access", folder);
        }
    }
}
